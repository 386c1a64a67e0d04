// What-if on the digital twin: a scenario (environment, controller, weather split, start, days, seed) runs as
// a job on the service (POST .../twin/jobs, then GET .../twin/jobs/{jid} until it ends); for a policy, the
// service runs the rule-based controller on the same episode, and the KPIs are compared side by side.

import { useEffect, useRef, useState } from "preact/hooks";
import { atLeast, fpath, get, post, type PolicyVersion, type TwinJob, type TwinResult } from "../api";
import { dateTime, num } from "../format";
import { useFacility } from "./FacilityShell";

/** KPIs shown first, in this order (REFERENCES.md names); the rest follow alphabetically. */
const KPI_ORDER = [
  "profit_eur_m2",
  "revenue_eur_m2",
  "cost_eur_m2",
  "yield_fresh_kg_m2",
  "heat_kwh_m2",
  "elec_kwh_m2",
  "co2_kg_m2",
  "temp_violation_kh",
  "rh_violation_pct_h",
  "co2_violation_ppm_h",
  "mean_vpd_kpa",
  "dli_mol_m2_d",
];

/** Whether more is better for a KPI, to say which controller did better; undefined where neither. */
function moreIsBetter(kpi: string): boolean | undefined {
  if (/profit|revenue|yield|time_in_bounds/.test(kpi)) return true;
  if (/cost|kwh|co2_kg|violation|emissions/.test(kpi)) return false;
  return undefined;
}

export function Twin() {
  const { facility } = useFacility();
  const canRun = atLeast(facility.role, "OPERATOR");
  const [policies, setPolicies] = useState<PolicyVersion[]>([]);
  const [jobs, setJobs] = useState<TwinJob[]>([]);
  const [job, setJob] = useState<TwinJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [env, setEnv] = useState(facility.crop.toLowerCase().includes("lettuce") ? "GreenhouseLettuce-v0" : "GreenhouseTomato-v0");
  const [controller, setController] = useState("rule-based");
  const [split, setSplit] = useState("validation");
  const [start, setStart] = useState("");
  const [days, setDays] = useState("7");
  const [seed, setSeed] = useState("0");
  const poll = useRef<number | undefined>(undefined);

  useEffect(() => {
    get<PolicyVersion[]>(fpath(facility.id, "/policies")).then(setPolicies, () => undefined);
    get<TwinJob[]>(fpath(facility.id, "/twin/jobs")).then(setJobs, () => undefined);
    return () => window.clearTimeout(poll.current);
  }, [facility.id]);

  const follow = (id: string) => {
    window.clearTimeout(poll.current);
    get<TwinJob>(fpath(facility.id, `/twin/jobs/${id}`)).then(
      (j) => {
        setJob(j);
        setJobs((old) => [j, ...old.filter((x) => x.id !== j.id)]);
        if (j.state === "QUEUED" || j.state === "RUNNING") {
          poll.current = window.setTimeout(() => follow(id), 1000);
        }
      },
      (e) => setError(e.message),
    );
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setFieldErrors({});
    const scenario: Record<string, unknown> = {
      environment: env,
      split,
      periodDays: Number(days),
      seed: Number(seed),
    };
    if (start.trim()) scenario.start = start.trim();
    if (controller === "rule-based") {
      scenario.controller = "rule-based";
    } else {
      const p = policies.find((x) => x.id === controller)!;
      scenario.controller = { policy: p.name, version: p.version };
    }
    try {
      const j = await post<TwinJob>(fpath(facility.id, "/twin/jobs"), scenario);
      setJob(j);
      follow(j.id);
    } catch (err) {
      const errors = (err as { errors?: { field: string; reason: string }[] }).errors ?? [];
      setFieldErrors(Object.fromEntries(errors.map((x) => [x.field, x.reason])));
      setError((err as Error).message);
    }
  };

  const cancel = async () => {
    if (!job) return;
    try {
      await post(fpath(facility.id, `/twin/jobs/${job.id}/cancel`));
      follow(job.id);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const envPolicies = policies.filter((p) => p.envId === env);
  const fieldError = (f: string) =>
    fieldErrors[f] && (
      <span class="error small" id={`err-${f}`}>
        {fieldErrors[f]}
      </span>
    );

  return (
    <>
      <h1 tabIndex={-1}>What-if</h1>
      {canRun ? (
        <form class="card controls" onSubmit={submit} aria-label="Scenario" id="twin-form">
          <div class="field">
            <label for="twin-env">Environment</label>
            <select id="twin-env" value={env} onChange={(e) => setEnv((e.target as HTMLSelectElement).value)}>
              <option value="GreenhouseTomato-v0">Tomato (GreenhouseTomato-v0)</option>
              <option value="GreenhouseLettuce-v0">Lettuce (GreenhouseLettuce-v0)</option>
            </select>
            {fieldError("environment")}
          </div>
          <div class="field">
            <label for="twin-controller">Controller</label>
            <select
              id="twin-controller"
              value={controller}
              onChange={(e) => setController((e.target as HTMLSelectElement).value)}
            >
              <option value="rule-based">Rule-based (the baseline itself)</option>
              {envPolicies.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} v{p.version}
                  {p.aliases.length ? ` (${p.aliases.join(", ")})` : ""}
                </option>
              ))}
            </select>
            {fieldError("controller")}
          </div>
          <div class="field">
            <label for="twin-split">Weather years</label>
            <select id="twin-split" value={split} onChange={(e) => setSplit((e.target as HTMLSelectElement).value)}>
              <option value="train">Training</option>
              <option value="validation">Validation</option>
              <option value="test">Test</option>
            </select>
            {fieldError("split")}
          </div>
          <div class="field">
            <label for="twin-start">First day (MM-DD, optional)</label>
            <input
              id="twin-start"
              value={start}
              pattern="\d{2}-\d{2}"
              placeholder="01-15"
              onInput={(e) => setStart((e.target as HTMLInputElement).value)}
              aria-describedby={fieldErrors.start ? "err-start" : undefined}
            />
            {fieldError("start")}
          </div>
          <div class="field">
            <label for="twin-days">Days</label>
            <input
              id="twin-days"
              type="number"
              min={1}
              max={60}
              required
              value={days}
              onInput={(e) => setDays((e.target as HTMLInputElement).value)}
            />
            {fieldError("periodDays")}
          </div>
          <div class="field">
            <label for="twin-seed">Seed</label>
            <input
              id="twin-seed"
              type="number"
              min={0}
              required
              value={seed}
              onInput={(e) => setSeed((e.target as HTMLInputElement).value)}
            />
            {fieldError("seed")}
          </div>
          <button type="submit" class="primary" id="twin-run">
            Run
          </button>
        </form>
      ) : (
        <p class="notice">Viewers can read the results of what-if runs; operators start them.</p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {job && (
        <section class="card" aria-labelledby="job-title" id="twin-job" data-state={job.state} data-job={job.id}>
          <h2 id="job-title">
            Run of {dateTime(job.createdAt)}: {job.state.toLowerCase()}
          </h2>
          {(job.state === "QUEUED" || job.state === "RUNNING") && (
            <>
              <progress max={1} value={job.progress} aria-label="Progress of the run" />{" "}
              <span role="status">{Math.round(job.progress * 100)} %</span>{" "}
              {canRun && (
                <button type="button" onClick={cancel}>
                  Cancel run
                </button>
              )}
            </>
          )}
          {job.error && <p class="error">{job.error}</p>}
          {job.result && <Comparison controller={job.result.controller} baseline={job.result.baseline} />}
        </section>
      )}
      <section class="card" aria-labelledby="jobs-title">
        <h2 id="jobs-title">Earlier runs</h2>
        {jobs.length === 0 ? (
          <p class="muted">None yet.</p>
        ) : (
          <ul class="plain">
            {jobs.slice(0, 20).map((j) => (
              <li key={j.id}>
                <button type="button" class="link" onClick={() => follow(j.id)}>
                  {dateTime(j.createdAt)} · {String(j.scenario.environment ?? "")} ·{" "}
                  {typeof j.scenario.controller === "string"
                    ? j.scenario.controller
                    : JSON.stringify(j.scenario.controller)}{" "}
                  · {j.state.toLowerCase()}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function Comparison(props: { controller: TwinResult; baseline: TwinResult | null }) {
  const { controller, baseline } = props;
  const keys = [
    ...KPI_ORDER.filter((k) => k in controller.kpis),
    ...Object.keys(controller.kpis)
      .filter((k) => !KPI_ORDER.includes(k))
      .sort(),
  ];
  return (
    <table id="twin-kpis">
      <caption>
        KPIs per m² over {controller.steps} steps
        {baseline ? "" : " (the rule-based controller ran alone: choose a policy to compare against it)"}
      </caption>
      <thead>
        <tr>
          <th scope="col">KPI</th>
          <th scope="col">{controller.controller}</th>
          {baseline && <th scope="col">Rule-based baseline</th>}
          {baseline && <th scope="col">Difference</th>}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">episode return (€ m⁻²)</th>
          <td class="num">{num(controller.episodeReturn, 3)}</td>
          {baseline && <td class="num">{num(baseline.episodeReturn, 3)}</td>}
          {baseline && <Diff a={controller.episodeReturn} b={baseline.episodeReturn} better={true} />}
        </tr>
        {keys.map((k) => (
          <tr key={k} data-kpi={k}>
            <th scope="row">
              <code>{k}</code>
            </th>
            <td class="num" data-value={controller.kpis[k]}>
              {num(controller.kpis[k], 3)}
            </td>
            {baseline && (
              <td class="num" data-value={baseline.kpis[k]}>
                {num(baseline.kpis[k], 3)}
              </td>
            )}
            {baseline && <Diff a={controller.kpis[k]} b={baseline.kpis[k]} better={moreIsBetter(k)} />}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Diff(props: { a: number; b: number | undefined; better: boolean | undefined }) {
  if (props.b === undefined || !Number.isFinite(props.a) || !Number.isFinite(props.b)) {
    return <td>—</td>;
  }
  const d = props.a - props.b;
  const verdict =
    props.better === undefined || Math.abs(d) < 1e-9 ? "" : (d > 0) === props.better ? " better" : " worse";
  return (
    <td class={`num diff${verdict ? `-${verdict.trim()}` : ""}`}>
      {d > 0 ? "+" : ""}
      {num(d, 3)}
      {verdict && <span class="small">{verdict}</span>}
    </td>
  );
}
