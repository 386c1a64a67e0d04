// Confirmation of dangerous actions in a modal <dialog>: focus is trapped in it while open, Escape cancels,
// Enter activates the focused button. Focus starts on Cancel, the least destructive choice (WAI-ARIA Authoring
// Practices, alert dialog pattern), and returns to where it was when the dialog closes.

import { useEffect, useRef, useState } from "preact/hooks";
import type { ComponentChildren } from "preact";

export interface ConfirmRequest {
  title: string;
  body: ComponentChildren;
  confirmLabel: string;
  danger?: boolean;
}

let open: ((r: ConfirmRequest) => Promise<boolean>) | null = null;

/** Asks the person; resolves true only if they confirmed. */
export function confirm(request: ConfirmRequest): Promise<boolean> {
  return open ? open(request) : Promise.resolve(window.confirm(request.title));
}

export function ConfirmHost() {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    open = (r) =>
      new Promise<boolean>((resolve) => {
        returnFocus.current = document.activeElement as HTMLElement | null;
        resolver.current = resolve;
        setRequest(r);
      });
    return () => {
      open = null;
    };
  }, []);

  useEffect(() => {
    if (request && dialog.current && !dialog.current.open) {
      dialog.current.showModal();
      cancelButton.current?.focus();
    }
  }, [request]);

  const finish = (ok: boolean) => {
    const resolve = resolver.current;
    resolver.current = null;
    if (dialog.current?.open) {
      dialog.current.close();
    }
    setRequest(null);
    returnFocus.current?.focus?.();
    resolve?.(ok);
  };

  return (
    <dialog
      ref={dialog}
      class="confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(e) => {
        // Escape
        e.preventDefault();
        finish(false);
      }}
    >
      {request && (
        <div>
          <h2 id="confirm-title">{request.title}</h2>
          <div id="confirm-body">{request.body}</div>
          <div class="actions">
            <button type="button" ref={cancelButton} onClick={() => finish(false)} data-action="cancel">
              Cancel
            </button>
            <button
              type="button"
              class={request.danger ? "danger" : "primary"}
              onClick={() => finish(true)}
              data-action="confirm"
            >
              {request.confirmLabel}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
