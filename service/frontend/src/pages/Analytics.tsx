// Daily metrics per m² (GET .../daily-metrics?from&to): charts, a table, and the same table as CSV.

import { useEffect, useState } from "preact/hooks";
import { fpath, get, type DailyMetrics } from "../api";
import { Chart } from "../components/Chart";
import { isoDay, num, toCsv } from "../format";
import { useFacility } from "./FacilityShell";

const COLUMNS: { key: keyof DailyMetrics; label: string; unit: string; digits: number }[] = [
  { key: "heatMjM2", label: "Heat", unit: "MJ m⁻²", digits: 2 },
  { key: "electricityKwhM2", label: "Electricity", unit: "kWh m⁻²", digits: 3 },
  { key: "co2KgM2", label: "CO₂ dosed", unit: "kg m⁻²", digits: 3 },
  { key: "costEurM2", label: "Cost", unit: "€ m⁻²", digits: 3 },
  { key: "yieldKgM2", label: "Yield", unit: "kg m⁻²", digits: 3 },
  { key: "meanVpdKpa", label: "Mean VPD", unit: "kPa", digits: 2 },
  { key: "dliMolM2D", label: "DLI", unit: "mol m⁻² d⁻¹", digits: 1 },
];

/** Midday UTC of a YYYY-MM-DD day, ms: where a day's point sits on a chart. */
function dayMs(day: string): number {
  return Date.parse(`${day}T12:00:00Z`);
}

export function Analytics() {
  const { facility } = useFacility();
  const today = new Date();
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 29 * 86_400_000)));
  const [to, setTo] = useState(isoDay(today));
  const [rows, setRows] = useState<DailyMetrics[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = (e?: Event) => {
    e?.preventDefault();
    get<DailyMetrics[]>(fpath(facility.id, `/daily-metrics?from=${from}&to=${to}`)).then(
      (r) => {
        setRows(r);
        setError(null);
      },
      (err) => setError(err.message),
    );
  };

  useEffect(() => load(), [facility.id]);

  const download = () => {
    const csv = toCsv([
      ["day", ...COLUMNS.map((c) => `${String(c.key)} (${c.unit})`)],
      ...(rows ?? []).map((r) => [r.day, ...COLUMNS.map((c) => r[c.key] as number | null)]),
    ]);
    // UTF-8 with a byte-order mark, so that spreadsheet programs read the units' superscripts right
    const blob = new Blob(["\ufeff", csv], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `rala-daily-metrics-${facility.name.replace(/[^A-Za-z0-9_-]+/g, "-")}-${from}-${to}.csv`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <>
      <h1 tabIndex={-1}>Analytics</h1>
      <form class="card controls" onSubmit={load} aria-label="Date range">
        <div class="field">
          <label for="metrics-from">From</label>
          <input id="metrics-from" type="date" value={from} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="metrics-to">To</label>
          <input id="metrics-to" type="date" value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} />
        </div>
        <button type="submit" class="primary" id="metrics-show">
          Show
        </button>
        <button type="button" id="metrics-csv" onClick={download} disabled={!rows || rows.length === 0}>
          Download CSV
        </button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {rows === null && !error && <p role="status">Loading…</p>}
      {rows?.length === 0 && <p class="muted">No daily metrics in this range yet: they are computed from the readings after each day ends.</p>}
      {rows && rows.length > 0 && (
        <>
          <div class="charts grid">
            {COLUMNS.map((c) => (
              <Chart
                key={c.key}
                title={c.label}
                unit={c.unit}
                days
                height={160}
                digits={c.digits}
                syncKey={`rala-days-${facility.id}`}
                series={[
                  {
                    label: c.label,
                    points: rows.filter((r) => r[c.key] !== null).map((r) => [dayMs(r.day), r[c.key] as number]),
                  },
                ]}
              />
            ))}
          </div>
          <div class="table-scroll" tabIndex={0} aria-label="Daily metrics table">
            <table id="metrics-table">
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  {COLUMNS.map((c) => (
                    <th scope="col" key={c.key}>
                      {c.label} <span class="muted small">({c.unit})</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.day}>
                    <th scope="row">{r.day}</th>
                    {COLUMNS.map((c) => (
                      <td key={c.key} class="num">
                        {num(r[c.key] as number | null, c.digits)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
