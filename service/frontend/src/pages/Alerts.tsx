// The facility's alerts, newest first, with severity, time and state; operators acknowledge and resolve them.
// New alerts and changes arrive on the live feed.

import { useEffect, useState } from "preact/hooks";
import { atLeast, fpath, get, post, type Alert, type AlertState, type Severity } from "../api";
import { dateTime } from "../format";
import { useFacility, useLive } from "./FacilityShell";

const SEVERITY_ICON: Record<Severity, string> = { CRITICAL: "■", WARNING: "▲", INFO: "●" };

export function Alerts() {
  const { facility, zones, sensors, liveStatus } = useFacility();
  const canAct = atLeast(facility.role, "OPERATOR");
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const [state, setState] = useState<"" | AlertState>("");
  const [severity, setSeverity] = useState<"" | Severity>("");
  const [error, setError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState("");
  const [fresh, setFresh] = useState<Set<string>>(new Set());

  const matches = (a: Alert) => (!state || a.state === state) && (!severity || a.severity === severity);

  /** When an alert last changed: a live frame and a list fetched at about the same time may disagree. */
  const changed = (a: Alert) => [a.raisedAt, a.acknowledgedAt, a.resolvedAt].filter(Boolean).sort().pop()!;

  /** The union of what is shown and what arrived, the newer version of each alert winning. */
  const merge = (shown: Alert[], arrived: Alert[]) => {
    const byId = new Map(shown.map((a) => [a.id, a]));
    for (const a of arrived) {
      const before = byId.get(a.id);
      if (!before || changed(before) <= changed(a)) {
        byId.set(a.id, a);
      }
    }
    return [...byId.values()].filter(matches).sort((x, y) => y.raisedAt.localeCompare(x.raisedAt));
  };

  const load = () => {
    const q = new URLSearchParams({ limit: "200" });
    if (state) q.set("state", state);
    if (severity) q.set("severity", severity);
    get<Alert[]>(fpath(facility.id, `/alerts?${q}`)).then(
      (a) => {
        // what the live feed brought while the list was on its way stays
        setAlerts((old) => merge(old ?? [], a));
        setError(null);
      },
      (e) => setError(e.message),
    );
  };

  useEffect(() => {
    setAlerts(null);
    load();
  }, [facility.id, state, severity]);

  // without the live feed, look for new alerts every 15 s
  useEffect(() => {
    if (liveStatus === "live") {
      return undefined;
    }
    const every = window.setInterval(load, 15_000);
    return () => window.clearInterval(every);
  }, [liveStatus, state, severity]);

  useLive(["alert", "resync"], (frame) => {
    if (frame.type === "resync") {
      load();
      return;
    }
    const a = frame.payload as Alert;
    setAlerts((old) => merge((old ?? []).filter((x) => x.id !== a.id || changed(x) <= changed(a)), [a]));
    if (a.state === "OPEN") {
      setFresh((f) => new Set(f).add(a.id));
      setAnnounce(`New ${a.severity.toLowerCase()} alert: ${a.message}`);
    }
  });

  const move = async (a: Alert, to: "acknowledge" | "resolve") => {
    try {
      const after = await post<Alert>(fpath(facility.id, `/alerts/${a.id}/${to}`));
      setAlerts((old) => (old ?? []).map((x) => (x.id === after.id ? after : x)));
      setAnnounce(`Alert ${to === "acknowledge" ? "acknowledged" : "resolved"}.`);
    } catch (e) {
      setError((e as Error).message);
      load();
    }
  };

  const where = (a: Alert) =>
    [zones.find((z) => z.id === a.zoneId)?.name, sensors.find((s) => s.id === a.sensorId)?.name]
      .filter(Boolean)
      .join(" · ") || "—";

  return (
    <>
      <h1 tabIndex={-1}>Alerts</h1>
      <p class="sr-only" role="status" aria-live="polite" id="alert-announcer">
        {announce}
      </p>
      <form class="card controls" aria-label="Filter alerts" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="alert-state">State</label>
          <select id="alert-state" value={state} onChange={(e) => setState((e.target as HTMLSelectElement).value as AlertState)}>
            <option value="">Any</option>
            <option value="OPEN">Open</option>
            <option value="ACKNOWLEDGED">Acknowledged</option>
            <option value="RESOLVED">Resolved</option>
          </select>
        </div>
        <div class="field">
          <label for="alert-severity">Severity</label>
          <select
            id="alert-severity"
            value={severity}
            onChange={(e) => setSeverity((e.target as HTMLSelectElement).value as Severity)}
          >
            <option value="">Any</option>
            <option value="CRITICAL">Critical</option>
            <option value="WARNING">Warning</option>
            <option value="INFO">Info</option>
          </select>
        </div>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {alerts === null && !error && <p role="status">Loading…</p>}
      {alerts?.length === 0 && <p class="muted">No alerts{state || severity ? " match" : ""}.</p>}
      {alerts && alerts.length > 0 && (
        <table id="alert-list">
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">Raised</th>
              <th scope="col">What</th>
              <th scope="col">Where</th>
              <th scope="col">State</th>
              {canAct && (
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {alerts.map((a) => (
              <tr key={a.id} data-alert={a.id} data-state={a.state} class={fresh.has(a.id) ? "fresh" : undefined}>
                <td>
                  <span class={`badge severity-${a.severity.toLowerCase()}`}>
                    <span aria-hidden="true">{SEVERITY_ICON[a.severity]} </span>
                    {a.severity.toLowerCase()}
                  </span>
                </td>
                <td>{dateTime(a.raisedAt)}</td>
                <td>{a.message}</td>
                <td>{where(a)}</td>
                <td>
                  <span class={`badge state-${a.state.toLowerCase()}`}>{a.state.toLowerCase()}</span>
                </td>
                {canAct && (
                  <td class="actions-cell">
                    {a.state === "OPEN" && (
                      <button type="button" data-action="acknowledge" onClick={() => move(a, "acknowledge")}>
                        Acknowledge<span class="sr-only"> alert: {a.message}</span>
                      </button>
                    )}{" "}
                    {a.state !== "RESOLVED" && (
                      <button type="button" data-action="resolve" onClick={() => move(a, "resolve")}>
                        Resolve<span class="sr-only"> alert: {a.message}</span>
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
