// Charts of a zone's sensors on aligned time axes (one chart per quantity, shared cursor and range): live
// (the last hour, extended by the WebSocket's readings as they are stored) or history (a chosen range at raw,
// 5-minute or hourly resolution, mean, min or max per bucket).

import { useEffect, useMemo, useState } from "preact/hooks";
import { fpath, get, type Sensor, type Series } from "../api";
import { Chart, type ChartSeries } from "../components/Chart";
import { KIND_LABELS, kindLabel, unitLabel } from "../format";
import { useFacility, useLive } from "./FacilityShell";

const PRESETS: { label: string; ms: number; step: string }[] = [
  { label: "1 hour", ms: 3_600_000, step: "raw" },
  { label: "6 hours", ms: 6 * 3_600_000, step: "raw" },
  { label: "24 hours", ms: 24 * 3_600_000, step: "5m" },
  { label: "7 days", ms: 7 * 24 * 3_600_000, step: "1h" },
  { label: "30 days", ms: 30 * 24 * 3_600_000, step: "1h" },
];

const LIVE_WINDOW_MS = 3_600_000;

/** A datetime-local input's value for a Date, local time, minutes. */
function localInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function Charts() {
  const { facility, zones, sensors } = useFacility();
  const [zoneId, setZoneId] = useState(zones[0]?.id ?? "");
  const zoneSensors = sensors.filter((s) => s.zoneId === zoneId);
  const [selected, setSelected] = useState<Set<string>>(new Set(zoneSensors.map((s) => s.id)));
  const [mode, setMode] = useState<"live" | "history">("live");
  const [preset, setPreset] = useState(2);
  const [from, setFrom] = useState(localInput(new Date(Date.now() - PRESETS[2].ms)));
  const [to, setTo] = useState(localInput(new Date()));
  const [step, setStep] = useState("5m");
  const [agg, setAgg] = useState("mean");
  const [data, setData] = useState<Map<string, [number, number][]>>(new Map());
  const [range, setRange] = useState<{ from: number; to: number }>({ from: Date.now() - LIVE_WINDOW_MS, to: Date.now() });
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setSelected(new Set(sensors.filter((s) => s.zoneId === zoneId).map((s) => s.id)));
  }, [zoneId]);

  const chosen = zoneSensors.filter((s) => selected.has(s.id));

  const fetchAll = async (fromMs: number, toMs: number, stepName: string, aggName: string, keepLive = false) => {
    setLoading(true);
    setError(null);
    try {
      const results = await Promise.all(
        chosen.map((s) =>
          get<Series>(
            fpath(
              facility.id,
              `/sensors/${s.id}/readings?from=${new Date(fromMs).toISOString()}&to=${new Date(toMs).toISOString()}` +
                `&step=${stepName}&agg=${aggName}`,
            ),
          ).then((r) => [s.id, r.points.map((p) => [Date.parse(p.time), p.value] as [number, number])] as const),
        ),
      );
      setData((old) => {
        const next = new Map<string, [number, number][]>();
        for (const [id, points] of results) {
          // live points newer than the fetched ones (they arrived while the request was on its way) stay
          const last = points.length ? points[points.length - 1][0] : fromMs;
          next.set(id, [...points, ...(keepLive ? (old.get(id) ?? []).filter(([t]) => t > last) : [])]);
        }
        return next;
      });
      setRange({ from: fromMs, to: toMs });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  };

  const loadLive = () => {
    const now = Date.now();
    void fetchAll(now - LIVE_WINDOW_MS, now, "raw", "mean", true);
  };

  useEffect(() => {
    if (mode === "live") {
      loadLive();
      const slide = window.setInterval(() => setRange({ from: Date.now() - LIVE_WINDOW_MS, to: Date.now() }), 10_000);
      return () => window.clearInterval(slide);
    }
    return undefined;
  }, [mode, zoneId, [...selected].join(",")]);

  useLive(["readings", "resync"], (frame) => {
    if (mode !== "live") {
      return;
    }
    if (frame.type === "resync") {
      loadLive();
      return;
    }
    const rows = frame.payload as { sensorId: string; time: string; value: number }[];
    const mine = rows.filter((r) => selected.has(r.sensorId));
    if (mine.length === 0) {
      return;
    }
    const now = Date.now();
    setData((old) => {
      const next = new Map(old);
      for (const r of mine) {
        const t = Date.parse(r.time);
        const points = (next.get(r.sensorId) ?? []).filter(([x]) => x >= now - LIVE_WINDOW_MS && x !== t);
        points.push([t, r.value]);
        points.sort((a, b) => a[0] - b[0]);
        next.set(r.sensorId, points);
      }
      return next;
    });
    setRange({ from: now - LIVE_WINDOW_MS, to: Math.max(now, ...mine.map((r) => Date.parse(r.time))) });
  });

  const showHistory = (e?: Event) => {
    e?.preventDefault();
    const f = new Date(from).getTime();
    const t = new Date(to).getTime();
    if (!(f < t)) {
      setError("From must be before To.");
      return;
    }
    void fetchAll(f, t, step, agg);
  };

  const choosePreset = (i: number) => {
    setPreset(i);
    const now = new Date();
    setFrom(localInput(new Date(now.getTime() - PRESETS[i].ms)));
    setTo(localInput(now));
    setStep(PRESETS[i].step);
  };

  // one chart per quantity (sensor kind), so that each has one unit on its axis
  const groups = useMemo(() => {
    const byKind = new Map<string, Sensor[]>();
    chosen.forEach((s) => byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s]));
    const rank = (k: string) => {
      const i = Object.keys(KIND_LABELS).indexOf(k);
      return i < 0 ? 99 : i;
    };
    return [...byKind.entries()].sort((a, b) => rank(a[0]) - rank(b[0])).map(([kind, list]) => ({
      kind,
      unit: unitLabel(list[0].unit),
      series: list.map((s) => ({ label: s.name, points: data.get(s.id) ?? [] }) as ChartSeries),
    }));
  }, [data, zoneId, [...selected].join(",")]);

  return (
    <>
      <h1 tabIndex={-1}>Charts</h1>
      <form class="card controls" onSubmit={showHistory} aria-label="Chart settings">
        <div class="field">
          <label for="chart-zone">Zone</label>
          <select id="chart-zone" value={zoneId} onChange={(e) => setZoneId((e.target as HTMLSelectElement).value)}>
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {z.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="field">
          <legend>Variables</legend>
          {zoneSensors.length === 0 && <span class="muted">No sensors in this zone.</span>}
          {zoneSensors.map((s) => (
            <label key={s.id} class="check">
              <input
                type="checkbox"
                checked={selected.has(s.id)}
                data-sensor={s.id}
                onChange={(e) => {
                  const next = new Set(selected);
                  if ((e.target as HTMLInputElement).checked) next.add(s.id);
                  else next.delete(s.id);
                  setSelected(next);
                }}
              />
              {s.name} <span class="muted">({kindLabel(s.kind)})</span>
            </label>
          ))}
        </fieldset>
        <fieldset class="field">
          <legend>Mode</legend>
          <label class="check">
            <input type="radio" name="mode" id="mode-live" checked={mode === "live"} onChange={() => setMode("live")} />
            Live (last hour)
          </label>
          <label class="check">
            <input
              type="radio"
              name="mode"
              id="mode-history"
              checked={mode === "history"}
              onChange={() => setMode("history")}
            />
            History
          </label>
        </fieldset>
        {mode === "history" && (
          <>
            <div class="field">
              <label for="chart-preset">Range</label>
              <select
                id="chart-preset"
                value={preset}
                onChange={(e) => choosePreset(Number((e.target as HTMLSelectElement).value))}
              >
                {PRESETS.map((p, i) => (
                  <option key={p.label} value={i}>
                    Last {p.label}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="chart-from">From</label>
              <input
                id="chart-from"
                type="datetime-local"
                value={from}
                onInput={(e) => setFrom((e.target as HTMLInputElement).value)}
              />
            </div>
            <div class="field">
              <label for="chart-to">To</label>
              <input id="chart-to" type="datetime-local" value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} />
            </div>
            <div class="field">
              <label for="chart-step">Resolution</label>
              <select id="chart-step" value={step} onChange={(e) => setStep((e.target as HTMLSelectElement).value)}>
                <option value="raw">Raw readings</option>
                <option value="5m">5 minutes</option>
                <option value="1h">1 hour</option>
              </select>
            </div>
            <div class="field">
              <label for="chart-agg">Per interval</label>
              <select
                id="chart-agg"
                value={agg}
                disabled={step === "raw"}
                onChange={(e) => setAgg((e.target as HTMLSelectElement).value)}
              >
                <option value="mean">Mean</option>
                <option value="min">Minimum</option>
                <option value="max">Maximum</option>
              </select>
            </div>
            <button type="submit" class="primary" id="chart-show">
              Show
            </button>
          </>
        )}
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <p class="muted" role="status">
        {loading
          ? "Loading…"
          : mode === "live"
            ? "Live: new readings are added as they arrive."
            : `${step === "raw" ? "Raw readings" : `${{ mean: "Mean", min: "Minimum", max: "Maximum" }[agg]} per ${step === "5m" ? "5 minutes" : "hour"}`}.`}
      </p>
      <div class="charts">
        {groups.map((g) => (
          <Chart
            key={g.kind}
            title={kindLabel(g.kind)}
            unit={g.unit}
            series={g.series}
            from={range.from}
            to={range.to}
            syncKey={`rala-${facility.id}`}
            digits={g.kind === "air_co2" || g.kind.endsWith("par") ? 0 : g.kind === "air_vpd" ? 2 : 1}
          />
        ))}
      </div>
    </>
  );
}
