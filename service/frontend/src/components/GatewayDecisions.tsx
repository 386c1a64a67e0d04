// Per gateway: whether it is online, who decides its commands (the policy, advisory, manual, or the rule-based
// fall-back), the policy version it runs, its last tick, and its last decisions with what the safety layer
// changed. Fetched once (and on every resync), then kept current by the live feed's "gateway" and "decision"
// frames.

import { useEffect, useState } from "preact/hooks";
import { fpath, get, type Decision, type Gateway, type GatewayState } from "../api";
import { dateTime, num, time } from "../format";
import { useLive } from "../pages/FacilityShell";

/** Decisions shown per gateway. */
const SHOWN = 20;

const MODE_LABELS: Record<string, string> = {
  autonomous: "policy acting",
  advisory: "advisory (policy on trial, rules acting)",
  manual: "manual",
  fallback: "rule-based fall-back acting",
};

export function GatewayDecisions(props: { facilityId: string; gateways: Gateway[] }) {
  const { facilityId, gateways } = props;
  const [states, setStates] = useState<Map<string, GatewayState>>(new Map());
  const [decisions, setDecisions] = useState<Map<string, Decision[]>>(new Map());

  const load = () => {
    gateways.forEach((g) => {
      const base = fpath(facilityId, `/gateways/${g.id}`);
      get<GatewayState>(`${base}/state`).then(
        (s) => setStates((old) => new Map(old).set(g.id, s)),
        () => undefined,
      );
      get<Decision[]>(`${base}/decisions?limit=${SHOWN}`).then(
        (list) => setDecisions((old) => new Map(old).set(g.id, merge(old.get(g.id) ?? [], list))),
        () => undefined,
      );
    });
  };

  useEffect(load, [facilityId, gateways.map((g) => g.id).join(",")]);

  useLive(["gateway", "decision", "resync"], (frame) => {
    if (frame.type === "resync") {
      load();
    } else if (frame.type === "gateway") {
      const s = frame.payload as GatewayState;
      setStates((old) => new Map(old).set(s.gatewayId, s));
    } else {
      const d = frame.payload as Decision;
      setDecisions((old) => new Map(old).set(d.gatewayId, merge(old.get(d.gatewayId) ?? [], [d])));
    }
  });

  if (gateways.length === 0) {
    return null;
  }
  return (
    <section class="card" aria-labelledby="gw-decisions">
      <h2 id="gw-decisions">Control decisions</h2>
      {gateways.map((g) => (
        <GatewayPanel key={g.id} gatewayId={g.id} name={g.name} state={states.get(g.id)} decisions={decisions.get(g.id) ?? []} />
      ))}
    </section>
  );
}

/** Newest first, each decision once (a live one may also come in a fetched list). */
function merge(old: Decision[], more: Decision[]): Decision[] {
  const byId = new Map<string, Decision>();
  [...old, ...more].forEach((d) => byId.set(d.id, { ...byId.get(d.id), ...d }));
  return [...byId.values()].sort((a, b) => b.tickAt.localeCompare(a.tickAt)).slice(0, SHOWN);
}

function GatewayPanel(props: {
  gatewayId: string;
  name: string;
  state: GatewayState | undefined;
  decisions: Decision[];
}) {
  const s = props.state;
  return (
    <div class="gateway-decisions" data-gateway-decisions={props.gatewayId}>
      <h3>{props.name}</h3>
      {!s || !s.reported ? (
        <p class="muted">Has not reported its state yet.</p>
      ) : (
        <dl class="gateway-state">
          <dt>Connection</dt>
          <dd>
            <span class={`badge ${s.online ? "status-succeeded" : "status-failed"}`} data-online={String(s.online)}>
              {s.online ? "● online" : "○ offline"}
            </span>
          </dd>
          <dt>Mode</dt>
          <dd>
            <span class={`badge mode-${s.mode}`} data-mode={s.mode ?? ""}>
              {s.fallbackActing ? "⚠ " : ""}
              {MODE_LABELS[s.mode ?? ""] ?? s.mode}
            </span>
            {!s.online && <span class="muted small"> (last known)</span>}
          </dd>
          <dt>Active policy</dt>
          <dd data-policy-version>{s.policyVersion ?? <span class="muted">none loaded</span>}</dd>
          <dt>Last tick</dt>
          <dd>{dateTime(s.lastTickAt)}</dd>
        </dl>
      )}
      {s?.fallbackActing && (
        <p class="notice" role="status">
          The rule-based fall-back controller is acting: the policy cannot run (none loaded, failed checks or stale
          inputs).
        </p>
      )}
      {props.decisions.length === 0 ? (
        <p class="muted">No decisions recorded.</p>
      ) : (
        <table class="decisions">
          <caption class="sr-only">Last decisions of {props.name}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Mode</th>
              <th scope="col">Policy</th>
              <th scope="col">Commands written</th>
              <th scope="col">Safety interventions</th>
            </tr>
          </thead>
          <tbody>
            {props.decisions.map((d) => (
              <tr key={d.id} data-decision={d.id} class={d.interventions.length ? "intervened" : undefined}>
                <td>{time(d.tickAt)}</td>
                <td>
                  <span class={`badge mode-${d.mode}`}>{d.mode === "fallback" ? "⚠ fallback" : d.mode}</span>
                </td>
                <td>{d.policyVersion ?? <span class="muted">—</span>}</td>
                <td>
                  {Object.entries(d.safeAction).map(([k, v]) => (
                    <span key={k} class="action">
                      {k} {num(v, 2)}{" "}
                    </span>
                  ))}
                </td>
                <td>
                  {d.interventions.length === 0 ? (
                    <span class="muted">none</span>
                  ) : (
                    d.interventions.map((i) => (
                      <span key={i} class="badge intervention">
                        ⚠ {i}
                      </span>
                    ))
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
