// Per zone: the newest air temperature, RH, VPD, CO2, light and today's DLI, each against the crop's target
// band, with stale and missing readings marked in words; then the zone's equipment.

import { useEffect, useState } from "preact/hooks";
import { fpath, get, type Latest, type Sensor, type Series, type Zone } from "../api";
import { against, isDaytime, targetsFor, type Band, type BandState } from "../crops";
import { ago, kindLabel, num, time, unitLabel } from "../format";
import { vpdKpa } from "../vpd";
import { useFacility, useLive } from "./FacilityShell";

interface LiveReading {
  sensorId: string;
  time: string;
  value: number;
}

/** A reading older than this is stale: the service's own rule (ReadingsController.STALE_AFTER, 10 min). */
const STALE_MS = 10 * 60_000;

type Reading = { value: number; time: string; stale: boolean };

export function Overview() {
  const { facility, zones, sensors, equipment, gateways } = useFacility();
  const [latest, setLatest] = useState<Map<string, Reading>>(new Map());
  const [loadError, setLoadError] = useState<string | null>(null);
  const [dli, setDli] = useState<Map<string, number>>(new Map());
  const [now, setNow] = useState(Date.now());

  const load = () =>
    get<Latest[]>(fpath(facility.id, "/readings/latest")).then(
      (rows) => {
        setLoadError(null);
        // a newer value the live feed brought meanwhile wins over the fetched one
        setLatest((old) => {
          const next = new Map(old);
          for (const r of rows) {
            const before = next.get(r.sensorId);
            if (!before || Date.parse(before.time) <= Date.parse(r.time)) {
              next.set(r.sensorId, { value: r.value, time: r.time, stale: r.stale });
            }
          }
          return next;
        });
      },
      (e) => setLoadError(e.message),
    );

  const loadDli = async () => {
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    const out = new Map<string, number>();
    for (const s of sensors.filter((x) => x.kind === "canopy_par")) {
      try {
        const series = await get<Series>(
          fpath(
            facility.id,
            `/sensors/${s.id}/readings?from=${midnight.toISOString()}&to=${new Date().toISOString()}&step=5m&agg=mean`,
          ),
        );
        // DLI [mol m⁻² d⁻¹] = Σ PAR [µmol m⁻² s⁻¹] · 300 s / 10⁶ over the day's 5-minute means
        const mol = series.points.reduce((sum, p) => sum + Math.max(0, p.value) * 300, 0) / 1e6;
        out.set(s.zoneId, (out.get(s.zoneId) ?? 0) + mol);
      } catch {
        // left out: shown as unknown
      }
    }
    setDli(out);
  };

  useEffect(() => {
    void load();
    void loadDli();
    const every = window.setInterval(() => {
      void load();
      setNow(Date.now());
    }, 30_000);
    const dliEvery = window.setInterval(() => void loadDli(), 5 * 60_000);
    return () => {
      window.clearInterval(every);
      window.clearInterval(dliEvery);
    };
  }, [facility.id]);

  useLive(["readings", "resync"], (frame) => {
    if (frame.type === "resync") {
      void load();
      return;
    }
    const rows = frame.payload as LiveReading[];
    setLatest((old) => {
      const next = new Map(old);
      for (const r of rows) {
        const before = next.get(r.sensorId);
        if (!before || Date.parse(before.time) <= Date.parse(r.time)) {
          next.set(r.sensorId, { value: r.value, time: r.time, stale: false });
        }
      }
      return next;
    });
    setNow(Date.now());
  });

  const reading = (s: Sensor | undefined): Reading | undefined => {
    if (!s) return undefined;
    const r = latest.get(s.id);
    if (!r) return undefined;
    // a live value grows stale while the page stays open
    return { ...r, stale: r.stale || now - new Date(r.time).getTime() > STALE_MS };
  };

  return (
    <>
      <h1 tabIndex={-1}>Overview</h1>
      {loadError && (
        <p class="error" role="alert">
          Latest readings could not be loaded: {loadError}
        </p>
      )}
      {zones.length === 0 && <p>This facility has no zones yet.</p>}
      {zones.map((z) => (
        <ZoneCard
          key={z.id}
          zone={z}
          crop={z.crop ?? facility.crop}
          sensors={sensors.filter((s) => s.zoneId === z.id)}
          reading={reading}
          dli={dli.get(z.id)}
          now={now}
          equipment={equipment.filter((e) => e.zoneId === z.id)}
          gatewayName={(id) => gateways.find((g) => g.id === id)?.name ?? "—"}
        />
      ))}
    </>
  );
}

interface Tile {
  key: string;
  label: string;
  unit: string;
  digits: number;
  value?: number;
  time?: string;
  stale?: boolean;
  band?: Band;
  note?: string;
  missing?: string;
  /** the band is for a whole day: no verdict on a part of it */
  noVerdict?: boolean;
}

function ZoneCard(props: {
  zone: Zone;
  crop: string;
  sensors: Sensor[];
  reading: (s: Sensor | undefined) => Reading | undefined;
  dli: number | undefined;
  now: number;
  equipment: import("../api").Equipment[];
  gatewayName: (id: string | null) => string;
}) {
  const { targets, known } = targetsFor(props.crop);
  const day = isDaytime(new Date(props.now));
  const first = (kind: string) => props.sensors.find((s) => s.kind === kind);
  const tile = (key: string, kind: string, label: string, digits: number, band?: Band): Tile => {
    const s = first(kind);
    const r = props.reading(s);
    return {
      key,
      label,
      unit: unitLabel(s?.unit),
      digits,
      value: r?.value,
      time: r?.time,
      stale: r?.stale,
      band,
      missing: !s ? "no sensor" : !r ? "no reading yet" : undefined,
    };
  };

  const t = tile("air_temperature", "air_temperature", "Air temperature", 1, day ? targets.airTemperatureDay : targets.airTemperatureNight);
  t.unit = "°C";
  const rh = tile("air_relative_humidity", "air_relative_humidity", "Relative humidity", 1, targets.relativeHumidity);
  rh.unit = "%";
  let vpd = tile("vpd", "air_vpd", "VPD", 2, targets.vpd);
  vpd.unit = "kPa";
  if (!first("air_vpd")) {
    // no VPD sensor: computed from air temperature and RH (FAO-56 eq. 11 and 19, see vpd.ts)
    if (t.value !== undefined && rh.value !== undefined) {
      vpd = {
        ...vpd,
        value: vpdKpa(t.value, rh.value),
        time: t.time! < rh.time! ? t.time : rh.time,
        stale: t.stale || rh.stale,
        missing: undefined,
        note: "computed from air temperature and RH",
      };
    } else {
      vpd.missing = "needs air temperature and RH";
    }
  }
  const co2 = tile("air_co2", "air_co2", "CO₂", 0, targets.co2);
  co2.unit = "ppm";
  const tiles: Tile[] = [t, rh, vpd, co2];
  if (first("canopy_par")) {
    tiles.push(tile("canopy_par", "canopy_par", "PAR at canopy", 0));
  }
  if (first("outdoor_global_radiation")) {
    tiles.push(tile("outdoor_global_radiation", "outdoor_global_radiation", "Global radiation", 0));
  }
  if (!first("canopy_par") && !first("outdoor_global_radiation")) {
    tiles.push({ key: "light", label: "Radiation / PAR", unit: "", digits: 0, missing: "no sensor" });
  }
  tiles.push({
    key: "dli",
    label: "DLI today",
    unit: "mol m⁻² d⁻¹",
    digits: 1,
    value: first("canopy_par") ? props.dli : undefined,
    band: targets.dli,
    noVerdict: true,
    note: "so far today, from PAR; the target is for the whole day",
    missing: !first("canopy_par") ? "needs a PAR sensor" : props.dli === undefined ? "not computed yet" : undefined,
  });

  const others = props.sensors.filter(
    (s) => !["air_temperature", "air_relative_humidity", "air_vpd", "air_co2", "canopy_par", "outdoor_global_radiation"].includes(s.kind),
  );

  return (
    <section class="card zone" aria-labelledby={`zone-${props.zone.id}`} data-zone={props.zone.id}>
      <h2 id={`zone-${props.zone.id}`}>
        {props.zone.name}{" "}
        <span class="muted small">
          {targetsFor(props.crop).targets.label}
          {known ? "" : ` (no table for “${props.crop}”: tomato’s bands)`} · {props.zone.areaM2.toLocaleString()} m² ·{" "}
          {day ? "day" : "night"} targets
        </span>
      </h2>
      <ul class="tiles">
        {tiles.map((x) => (
          <TileView key={x.key} tile={x} now={props.now} />
        ))}
        {others.map((s) => {
          const r = props.reading(s);
          return (
            <TileView
              key={s.id}
              now={props.now}
              tile={{
                key: s.kind,
                label: s.name || kindLabel(s.kind),
                unit: unitLabel(s.unit),
                digits: 1,
                value: r?.value,
                time: r?.time,
                stale: r?.stale,
                missing: r ? undefined : "no reading yet",
              }}
            />
          );
        })}
      </ul>
      <h3>Equipment</h3>
      {props.equipment.length === 0 ? (
        <p class="muted">No equipment in this zone.</p>
      ) : (
        <table class="equipment">
          <caption class="sr-only">Equipment of {props.zone.name}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Point</th>
              <th scope="col">Safety range</th>
              <th scope="col">Protocol</th>
              <th scope="col">Gateway</th>
            </tr>
          </thead>
          <tbody>
            {props.equipment.map((e) => (
              <tr key={e.id} data-equipment={e.id}>
                <td>{e.name}</td>
                <td>{e.kind.toLowerCase().replace("_", " ")}</td>
                <td>
                  <code>{e.point}</code>
                </td>
                <td>
                  {num(e.safetyMin, 2)} to {num(e.safetyMax, 2)} {unitLabel(e.unit)}
                </td>
                <td>{e.protocol.replace("_", " ")}</td>
                <td>{props.gatewayName(e.gatewayId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const STATE_TEXT: Record<BandState, string> = { low: "below target", ok: "on target", high: "above target" };

function TileView({ tile, now }: { tile: Tile; now: number }) {
  const has = tile.value !== undefined && !tile.missing;
  const state: BandState | undefined =
    has && tile.band && !tile.noVerdict ? against(tile.value!, tile.band) : undefined;
  const status = !has ? "missing" : tile.stale ? "stale" : (state ?? "none");
  return (
    <li
      class={`tile tile-${status}`}
      data-kind={tile.key}
      data-state={status}
      data-value={has ? String(tile.value) : undefined}
    >
      <span class="tile-label">{tile.label}</span>
      <span class="tile-value">
        {has ? num(tile.value, tile.digits) : "—"} <span class="tile-unit">{tile.unit}</span>
      </span>
      {tile.band && (
        <span class="tile-band">
          target {num(tile.band.min, tile.digits)}–{num(tile.band.max, tile.digits)}
          {state && !tile.stale && (
            <span class={`badge band-${state}`}>
              {state === "ok" ? "✓ " : state === "low" ? "▼ " : "▲ "}
              {STATE_TEXT[state]}
            </span>
          )}
        </span>
      )}
      {!has && <span class="badge missing">{tile.missing ?? "missing"}</span>}
      {has && tile.stale && (
        <span class="badge stale" title={`last reading ${time(tile.time)}`}>
          stale · last {ago(tile.time!, now)}
        </span>
      )}
      {has && !tile.stale && tile.time && <span class="tile-time muted">{time(tile.time)}</span>}
      {tile.note && <span class="tile-note muted">{tile.note}</span>}
    </li>
  );
}
