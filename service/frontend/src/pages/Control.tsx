// The control panel: set-points, manual overrides and releases, and the gateways' control mode, each
// command's status followed live (QUEUED → SENT → DELIVERED → SUCCEEDED / FAILED / TIMED_OUT). Operators and
// admins send; viewers follow the command log only. Overrides and the switch to manual ask first.

import { useEffect, useState } from "preact/hooks";
import { ApiError, atLeast, fpath, get, post, TERMINAL, type Command, type Equipment, type Gateway, type Page } from "../api";
import { confirm } from "../components/Confirm";
import { dateTime, num, time, unitLabel } from "../format";
import { useFacility, useLive } from "./FacilityShell";

/**
 * The set-points a command may name, as the service checks them (service control.SetPoints): the rule-based
 * controller's settings and the set-point policies' actions, with their units and bounds (policy-runtime
 * PolicyActuation.SETPOINT_MIN/MAX: 10–25 °C heating, 15–35 °C ventilation, 400–1600 ppm CO2, lamps 0–1).
 */
export const SET_POINTS: { name: string; unit: string; min: number; max: number; what: string }[] = [
  { name: "tSpDay", unit: "°C", min: 10, max: 25, what: "Heating, light period" },
  { name: "tSpNight", unit: "°C", min: 10, max: 25, what: "Heating, dark period" },
  { name: "rhMax", unit: "%", min: 0, max: 100, what: "RH above which the vents open" },
  { name: "co2SpDay", unit: "ppm", min: 0, max: 1600, what: "CO₂ dosing, light period" },
  { name: "heating_setpoint", unit: "°C", min: 10, max: 25, what: "Heating set-point" },
  { name: "ventilation_setpoint", unit: "°C", min: 15, max: 35, what: "Ventilation set-point" },
  { name: "co2_setpoint", unit: "ppm", min: 400, max: 1600, what: "CO₂ set-point" },
  { name: "lamps", unit: "-", min: 0, max: 1, what: "Lamp command (0–1)" },
];

const MODES = [
  { value: "autonomous", label: "Autonomous", what: "the policy acts on its own, within the safety layer" },
  { value: "advisory", label: "Advisory", what: "the rule-based controller acts; the policy only advises" },
  { value: "manual", label: "Manual", what: "nothing acts but the overrides people send" },
];

function describe(c: Command, equipment: Equipment[]): string {
  if (c.kind === "POLICY_ROLLOUT") {
    return `roll out ${c.policyVersion ?? "policy"}`;
  }
  const eq = c.equipmentId ? equipment.find((e) => e.id === c.equipmentId)?.name : undefined;
  switch (c.action) {
    case "setpoint":
      return `set ${c.target} to ${num(c.value, 2)} ${unitLabel(c.unit)}`;
    case "override":
      return `override ${eq ?? c.target} at ${num(c.value, 2)} ${unitLabel(c.unit)}`;
    case "release":
      return `release ${eq ?? c.target}`;
    case "mode":
      return `switch to ${c.mode}`;
    default:
      return c.action ?? "command";
  }
}

/** The union by id, the later `updatedAt` of each command winning (statuses only move forward), newest first. */
function mergeCommands(shown: Command[], arrived: Command[]): Command[] {
  const byId = new Map(shown.map((c) => [c.id, c]));
  for (const c of arrived) {
    const before = byId.get(c.id);
    if (!before || Date.parse(before.updatedAt) <= Date.parse(c.updatedAt)) {
      byId.set(c.id, c);
    }
  }
  return [...byId.values()].sort((a, b) => Date.parse(b.issuedAt) - Date.parse(a.issuedAt)).slice(0, 100);
}

export function Control() {
  const { facility, gateways, equipment, zones, liveStatus } = useFacility();
  const canSend = atLeast(facility.role, "OPERATOR");
  const [commands, setCommands] = useState<Command[] | null>(null);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const [announce, setAnnounce] = useState("");
  const [mine, setMine] = useState<Set<string>>(new Set());

  const load = () =>
    get<Page<Command>>(fpath(facility.id, "/controls?size=50")).then(
      (p) => {
        setUnavailable(null);
        // what the live feed brought while the list was on its way stays
        setCommands((old) => mergeCommands(old ?? [], p.items));
      },
      (e: ApiError) =>
        setUnavailable(e.status === 404 ? "This service does not offer commands yet." : e.message),
    );

  useEffect(() => void load(), [facility.id]);

  // without the live feed, follow unfinished commands by asking every 2 s
  const open = (commands ?? []).some((c) => !TERMINAL.includes(c.status));
  useEffect(() => {
    if (liveStatus === "live" || !open) {
      return undefined;
    }
    const every = window.setInterval(() => void load(), 2000);
    return () => window.clearInterval(every);
  }, [liveStatus, open]);

  const upsert = (c: Command) => setCommands((old) => mergeCommands(old ?? [], [c]));

  useLive(["command", "resync"], (frame) => {
    if (frame.type === "resync") {
      void load();
      return;
    }
    const c = frame.payload as Command;
    upsert(c);
    if (mine.has(c.id)) {
      setAnnounce(`${describe(c, equipment)}: ${c.status.toLowerCase().replace("_", " ")}`);
    }
  });

  const send = async (body: Record<string, unknown>): Promise<string | null> => {
    try {
      const c = await post<Command>(fpath(facility.id, "/controls"), body);
      setMine((m) => new Set(m).add(c.id));
      upsert(c);
      setAnnounce(`${describe(c, equipment)}: ${c.status.toLowerCase()}`);
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>Control</h1>
      <p class="sr-only" role="status" aria-live="polite" id="command-announcer">
        {announce}
      </p>
      {!canSend && (
        <p class="notice" id="read-only-notice">
          You have <strong>viewer</strong> access to {facility.name}: you can follow commands here but not send them.
          Ask an admin of the facility for the operator role.
        </p>
      )}
      {unavailable && (
        <p class="error" role="alert">
          {unavailable}
        </p>
      )}
      {canSend && !unavailable && (
        <div id="control-panel">
          {gateways.length === 0 && <p>No gateways are registered in this facility.</p>}
          {gateways.map((g) => (
            <GatewayControls key={g.id} gateway={g} send={send} />
          ))}
          <section class="card" aria-labelledby="overrides-title">
            <h2 id="overrides-title">Manual override</h2>
            {equipment.length === 0 ? (
              <p class="muted">No equipment.</p>
            ) : (
              <table class="equipment">
                <thead>
                  <tr>
                    <th scope="col">Equipment</th>
                    <th scope="col">Zone</th>
                    <th scope="col">Safety range</th>
                    <th scope="col">Override value</th>
                    <th scope="col">
                      <span class="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {equipment.map((e) => (
                    <OverrideRow
                      key={e.id}
                      equipment={e}
                      zone={zones.find((z) => z.id === e.zoneId)?.name ?? "—"}
                      send={send}
                      disabled={!e.gatewayId}
                    />
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      )}
      <section class="card" aria-labelledby="log-title">
        <h2 id="log-title">Commands</h2>
        {commands === null && !unavailable && <p role="status">Loading…</p>}
        {commands?.length === 0 && <p class="muted">No commands yet.</p>}
        {commands && commands.length > 0 && (
          <table id="command-log">
            <thead>
              <tr>
                <th scope="col">Issued</th>
                <th scope="col">Gateway</th>
                <th scope="col">What</th>
                <th scope="col">Status</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {commands.map((c) => (
                <tr key={c.id} data-command={c.id} data-status={c.status}>
                  <td>{dateTime(c.issuedAt)}</td>
                  <td>{gateways.find((g) => g.id === c.gatewayId)?.name ?? c.gatewayClientId}</td>
                  <td>{describe(c, equipment)}</td>
                  <td>
                    <span class={`badge status-${c.status.toLowerCase()}`}>
                      {TERMINAL.includes(c.status) ? "" : "… "}
                      {c.status.replace("_", " ").toLowerCase()}
                    </span>
                    {c.reason && <span class="muted small"> {c.reason}</span>}
                  </td>
                  <td>{time(c.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function GatewayControls(props: { gateway: Gateway; send: (b: Record<string, unknown>) => Promise<string | null> }) {
  const g = props.gateway;
  const [mode, setMode] = useState("autonomous");
  const [target, setTarget] = useState(SET_POINTS[0].name);
  const [value, setValue] = useState("");
  const [modeError, setModeError] = useState<string | null>(null);
  const [spError, setSpError] = useState<string | null>(null);
  const sp = SET_POINTS.find((s) => s.name === target)!;

  const switchMode = async (e: Event) => {
    e.preventDefault();
    setModeError(null);
    if (mode === "manual") {
      const ok = await confirm({
        title: `Switch ${g.name} to manual?`,
        body: (
          <p>
            In manual mode no controller acts: heating, vents, screens and CO₂ stay where they are until someone
            overrides them. The crop is unprotected until you switch back.
          </p>
        ),
        confirmLabel: "Switch to manual",
        danger: true,
      });
      if (!ok) return;
    }
    setModeError(await props.send({ action: "mode", gatewayId: g.id, mode }));
  };

  const setPoint = async (e: Event) => {
    e.preventDefault();
    setSpError(null);
    const v = Number(value);
    if (value.trim() === "" || !Number.isFinite(v)) {
      setSpError("Enter a number.");
      return;
    }
    if (v < sp.min || v > sp.max) {
      setSpError(`${sp.name} takes ${sp.min} to ${sp.max} ${unitLabel(sp.unit)}.`);
      return;
    }
    setSpError(await props.send({ action: "setpoint", gatewayId: g.id, target, value: v, unit: sp.unit }));
  };

  return (
    <section class="card" aria-labelledby={`gw-${g.id}`} data-gateway={g.id}>
      <h2 id={`gw-${g.id}`}>
        {g.name} <span class="muted small">{g.clientId}</span>
      </h2>
      <div class="two">
        <form onSubmit={switchMode} class="stack" aria-label={`Control mode of ${g.name}`}>
          <fieldset>
            <legend>Switch the control mode to</legend>
            {MODES.map((m) => (
              <label class="check" key={m.value}>
                <input
                  type="radio"
                  name={`mode-${g.id}`}
                  value={m.value}
                  checked={mode === m.value}
                  onChange={() => setMode(m.value)}
                />
                <span>
                  {m.label} <span class="muted small">— {m.what}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {modeError && (
            <p class="error" role="alert">
              {modeError}
            </p>
          )}
          <button type="submit" class="primary" data-action="switch-mode">
            Switch mode
          </button>
        </form>
        <form onSubmit={setPoint} class="stack" aria-label={`Set-point of ${g.name}`}>
          <label for={`sp-target-${g.id}`}>Set-point</label>
          <select id={`sp-target-${g.id}`} value={target} onChange={(e) => setTarget((e.target as HTMLSelectElement).value)}>
            {SET_POINTS.map((s) => (
              <option key={s.name} value={s.name}>
                {s.what} ({s.name}, {unitLabel(s.unit) || "0–1"})
              </option>
            ))}
          </select>
          <label for={`sp-value-${g.id}`}>
            Value ({sp.min} to {sp.max} {unitLabel(sp.unit)})
          </label>
          <input
            id={`sp-value-${g.id}`}
            type="number"
            step="any"
            min={sp.min}
            max={sp.max}
            required
            value={value}
            onInput={(e) => setValue((e.target as HTMLInputElement).value)}
            aria-invalid={spError ? true : undefined}
          />
          {spError && (
            <p class="error" role="alert">
              {spError}
            </p>
          )}
          <button type="submit" class="primary" data-action="send-setpoint">
            Send set-point
          </button>
        </form>
      </div>
    </section>
  );
}

function OverrideRow(props: {
  equipment: Equipment;
  zone: string;
  disabled: boolean;
  send: (b: Record<string, unknown>) => Promise<string | null>;
}) {
  const e = props.equipment;
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const id = `ov-${e.id}`;

  const override = async (ev: Event) => {
    ev.preventDefault();
    setError(null);
    const v = Number(value);
    if (value.trim() === "" || !Number.isFinite(v) || v < e.safetyMin || v > e.safetyMax) {
      setError(`Enter a value from ${e.safetyMin} to ${e.safetyMax} ${unitLabel(e.unit)}.`);
      return;
    }
    const ok = await confirm({
      title: `Override ${e.name}?`,
      body: (
        <p>
          {e.name} will be held at <strong>{num(v, 2)} {unitLabel(e.unit)}</strong>, over any controller or policy,
          until someone releases it.
        </p>
      ),
      confirmLabel: "Override",
      danger: true,
    });
    if (ok) {
      setError(await props.send({ action: "override", equipmentId: e.id, value: v }));
    }
  };

  const release = async () => {
    setError(null);
    setError(await props.send({ action: "release", equipmentId: e.id }));
  };

  return (
    <tr data-equipment={e.id}>
      <th scope="row">{e.name}</th>
      <td>{props.zone}</td>
      <td>
        {num(e.safetyMin, 2)} to {num(e.safetyMax, 2)} {unitLabel(e.unit)}
      </td>
      <td>
        <form id={`${id}-form`} onSubmit={override}>
          <label for={id} class="sr-only">
            Override value for {e.name}
          </label>
          <input
            id={id}
            type="number"
            step="any"
            min={e.safetyMin}
            max={e.safetyMax}
            value={value}
            disabled={props.disabled}
            onInput={(x) => setValue((x.target as HTMLInputElement).value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
        </form>
        {error && (
          <p class="error small" role="alert" id={`${id}-error`}>
            {error}
          </p>
        )}
        {props.disabled && <span class="muted small">no gateway drives it</span>}
      </td>
      <td class="actions-cell">
        <button type="submit" form={`${id}-form`} class="danger" data-action="override" disabled={props.disabled}>
          Override…
        </button>{" "}
        <button type="button" onClick={release} data-action="release" disabled={props.disabled}>
          Release
        </button>
      </td>
    </tr>
  );
}
