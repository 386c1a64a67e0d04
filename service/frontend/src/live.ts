// The facility's live feed: a WebSocket on /api/v1/facilities/{id}/live. Browsers cannot set an
// Authorization header on a WebSocket, so the access token travels as the second of the subprotocols
// `bearer, <token>`. Frames are JSON `{type, at, payload}` with type readings | alert | command | gateway |
// decision (first a `hello`). The service closes the socket when the access token expires (4401): the client then
// reconnects with a fresh one. Any other loss reconnects with a growing delay, and every (re)connection is
// announced as `resync`, so that views fetch what they may have missed.

import { freshToken } from "./auth";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "closed";

export interface Frame {
  type: string;
  at: string;
  payload: unknown;
}

type Listener = (frame: Frame) => void;

/** Close codes the service uses (service live.LiveSocket). */
const TOKEN_EXPIRED = 4401;
const NO_LONGER_MEMBER = 4403;
const TOO_MANY_SESSIONS = 4429;

export class LiveFeed {
  private socket: WebSocket | null = null;
  private listeners = new Set<Listener>();
  private statusListeners = new Set<(s: LiveStatus) => void>();
  private attempt = 0;
  private timer: number | undefined;
  private stopped = false;
  status: LiveStatus = "connecting";

  constructor(private readonly facilityId: string) {
    void this.connect();
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onStatus(listener: (s: LiveStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private setStatus(s: LiveStatus) {
    this.status = s;
    this.statusListeners.forEach((l) => l(s));
  }

  private async connect() {
    if (this.stopped) {
      return;
    }
    const token = await freshToken();
    if (!token || this.stopped) {
      this.setStatus("closed");
      return;
    }
    const url = new URL(`api/v1/facilities/${encodeURIComponent(this.facilityId)}/live`, document.baseURI);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    let socket: WebSocket;
    try {
      socket = new WebSocket(url, ["bearer", token]);
    } catch {
      this.retry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.setStatus("live");
      this.dispatch({ type: "resync", at: new Date().toISOString(), payload: null });
    };
    socket.onmessage = (event) => {
      try {
        this.dispatch(JSON.parse(event.data as string) as Frame);
      } catch {
        // not a frame of ours: ignore
      }
    };
    socket.onclose = (event) => {
      this.socket = null;
      if (this.stopped) {
        return;
      }
      if (event.code === NO_LONGER_MEMBER) {
        this.setStatus("closed");
        return;
      }
      if (event.code === TOKEN_EXPIRED) {
        this.setStatus("reconnecting");
        void this.connect();
        return;
      }
      this.retry(event.code === TOO_MANY_SESSIONS ? 60_000 : undefined);
    };
  }

  private retry(minDelay?: number) {
    this.setStatus("reconnecting");
    // 1, 2, 4, ... 30 s
    const delay = Math.max(minDelay ?? 0, Math.min(30_000, 1000 * 2 ** this.attempt));
    this.attempt++;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.connect(), delay);
  }

  private dispatch(frame: Frame) {
    this.listeners.forEach((l) => {
      try {
        l(frame);
      } catch (e) {
        console.error("live listener failed", e);
      }
    });
  }

  close() {
    this.stopped = true;
    window.clearTimeout(this.timer);
    this.socket?.close(1000, "page left");
    this.socket = null;
    this.setStatus("closed");
  }
}
