// The policy registry: every uploaded version with its aliases, and which version each gateway runs (its last
// rollout and that rollout's status). Admins roll a version out to a gateway, or roll back to the version the
// gateway loaded before. Below the gateways, what each reports about its control (GatewayDecisions).

import { useEffect, useState } from "preact/hooks";
import {
  atLeast,
  fpath,
  get,
  post,
  TERMINAL,
  type Command,
  type GatewayPolicy,
  type Page,
  type PolicyAlias,
  type PolicyVersion,
} from "../api";
import { confirm } from "../components/Confirm";
import { GatewayDecisions } from "../components/GatewayDecisions";
import { dateTime } from "../format";
import { useFacility, useLive } from "./FacilityShell";

export function Policies() {
  const { facility, gateways } = useFacility();
  const isAdmin = atLeast(facility.role, "ADMIN");
  const [versions, setVersions] = useState<PolicyVersion[] | null>(null);
  const [aliases, setAliases] = useState<PolicyAlias[]>([]);
  const [current, setCurrent] = useState<Map<string, GatewayPolicy | null>>(new Map());
  const [rolloutsUnavailable, setRolloutsUnavailable] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const loadCurrent = () =>
    Promise.all(
      gateways.map((g) =>
        get<GatewayPolicy>(fpath(facility.id, `/gateways/${g.id}/policy`)).then(
          (p) => [g.id, p] as const,
          (e) => {
            if (e.status === 404) setRolloutsUnavailable(true);
            return [g.id, null] as const;
          },
        ),
      ),
    ).then((rows) => setCurrent(new Map(rows)));

  useEffect(() => {
    get<PolicyVersion[]>(fpath(facility.id, "/policies")).then(setVersions, (e) => setError(e.message));
    get<PolicyAlias[]>(fpath(facility.id, "/policies/aliases")).then(setAliases, () => undefined);
    void loadCurrent();
  }, [facility.id]);

  useLive(["command", "resync"], (frame) => {
    if (frame.type === "resync") {
      void loadCurrent();
      return;
    }
    const c = frame.payload as Command;
    if (c.kind === "POLICY_ROLLOUT") {
      setCurrent((old) => {
        const next = new Map(old);
        next.set(c.gatewayId, { gatewayId: c.gatewayId, clientId: c.gatewayClientId, rollout: c });
        return next;
      });
    }
  });

  const rollout = async (gatewayId: string, policy: PolicyVersion, back: boolean) => {
    const g = gateways.find((x) => x.id === gatewayId)!;
    const ok = await confirm({
      title: `${back ? "Roll back" : "Roll out"} ${policy.name} v${policy.version} to ${g.name}?`,
      body: (
        <p>
          The gateway downloads the policy, checks its content hash and loads it at its next control tick. Until it
          confirms, it keeps running what it has.
        </p>
      ),
      confirmLabel: back ? "Roll back" : "Roll out",
      danger: true,
    });
    if (!ok) return;
    try {
      const c = await post<Command>(fpath(facility.id, `/gateways/${gatewayId}/policy`), { policyId: policy.id });
      setCurrent((old) => new Map(old).set(gatewayId, { gatewayId, clientId: g.clientId, rollout: c }));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  /** The version this gateway loaded before its current one: the newest succeeded rollout of another version. */
  const rollback = async (gatewayId: string) => {
    try {
      const page = await get<Page<Command>>(
        fpath(facility.id, "/controls?kind=POLICY_ROLLOUT&status=SUCCEEDED&size=200"),
      );
      const now = current.get(gatewayId)?.rollout?.policyId;
      const previous = page.items.find((c) => c.gatewayId === gatewayId && c.policyId && c.policyId !== now);
      const version = previous && versions?.find((v) => v.id === previous.policyId);
      if (!version) {
        setError("No earlier version was loaded by this gateway (or it has been deleted): nothing to roll back to.");
        return;
      }
      await rollout(gatewayId, version, true);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>Policies</h1>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <section class="card" aria-labelledby="gw-policies">
        <h2 id="gw-policies">Gateways</h2>
        {rolloutsUnavailable && <p class="notice">This service does not report rollouts yet.</p>}
        {gateways.length === 0 && <p class="muted">No gateways.</p>}
        {gateways.length > 0 && (
          <table id="gateway-policies">
            <thead>
              <tr>
                <th scope="col">Gateway</th>
                <th scope="col">Policy</th>
                <th scope="col">Rollout</th>
                {isAdmin && <th scope="col">Change</th>}
              </tr>
            </thead>
            <tbody>
              {gateways.map((g) => (
                <GatewayRow
                  key={g.id}
                  name={g.name}
                  gatewayId={g.id}
                  current={current.get(g.id) ?? null}
                  versions={versions ?? []}
                  isAdmin={isAdmin}
                  onRollout={(p) => rollout(g.id, p, false)}
                  onRollback={() => rollback(g.id)}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <GatewayDecisions facilityId={facility.id} gateways={gateways} />
      <section class="card" aria-labelledby="versions-title">
        <h2 id="versions-title">Versions</h2>
        {versions === null && !error && <p role="status">Loading…</p>}
        {versions?.length === 0 && <p class="muted">No policies uploaded. Admins upload exported .onnx files through the API.</p>}
        {versions && versions.length > 0 && (
          <table id="policy-versions">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Version</th>
                <th scope="col">Aliases</th>
                <th scope="col">Environment</th>
                <th scope="col">SHA-256</th>
                <th scope="col">Uploaded</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id} data-policy={v.id}>
                  <td>{v.name}</td>
                  <td>v{v.version}</td>
                  <td>
                    {v.aliases.map((a) => (
                      <span key={a} class="badge alias">
                        {a}
                      </span>
                    ))}
                  </td>
                  <td>{v.envId}</td>
                  <td>
                    <code title={v.sha256}>{v.sha256.slice(0, 12)}…</code>
                  </td>
                  <td>{dateTime(v.uploadedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="card" aria-labelledby="aliases-title">
        <h2 id="aliases-title">Aliases</h2>
        {aliases.length === 0 ? (
          <p class="muted">No aliases.</p>
        ) : (
          <table id="policy-aliases">
            <thead>
              <tr>
                <th scope="col">Alias</th>
                <th scope="col">Points at</th>
                <th scope="col">Moved</th>
              </tr>
            </thead>
            <tbody>
              {aliases.map((a) => (
                <tr key={`${a.name}/${a.alias}`}>
                  <td>{a.alias}</td>
                  <td>
                    {a.name} v{a.version}
                  </td>
                  <td>{dateTime(a.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function GatewayRow(props: {
  name: string;
  gatewayId: string;
  current: GatewayPolicy | null;
  versions: PolicyVersion[];
  isAdmin: boolean;
  onRollout: (p: PolicyVersion) => void;
  onRollback: () => void;
}) {
  const [choice, setChoice] = useState("");
  const r = props.current?.rollout;
  const selectId = `rollout-${props.gatewayId}`;
  return (
    <tr data-gateway={props.gatewayId}>
      <th scope="row">{props.name}</th>
      <td>{r?.policyVersion ?? <span class="muted">none rolled out</span>}</td>
      <td>
        {r ? (
          <>
            <span class={`badge status-${r.status.toLowerCase()}`}>
              {TERMINAL.includes(r.status) ? "" : "… "}
              {r.status.replace("_", " ").toLowerCase()}
            </span>{" "}
            <span class="muted small">{dateTime(r.updatedAt)}</span>
            {r.reason && <span class="muted small"> {r.reason}</span>}
          </>
        ) : (
          "—"
        )}
      </td>
      {props.isAdmin && (
        <td>
          <form
            class="inline"
            onSubmit={(e) => {
              e.preventDefault();
              const p = props.versions.find((v) => v.id === choice);
              if (p) props.onRollout(p);
            }}
          >
            <label for={selectId} class="sr-only">
              Version to roll out to {props.name}
            </label>
            <select id={selectId} value={choice} onChange={(e) => setChoice((e.target as HTMLSelectElement).value)}>
              <option value="">Choose a version…</option>
              {props.versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name} v{v.version}
                  {v.aliases.length ? ` (${v.aliases.join(", ")})` : ""}
                </option>
              ))}
            </select>{" "}
            <button type="submit" class="primary" disabled={!choice}>
              Roll out…
            </button>{" "}
            <button type="button" onClick={props.onRollback} disabled={!r}>
              Roll back…
            </button>
          </form>
        </td>
      )}
    </tr>
  );
}
