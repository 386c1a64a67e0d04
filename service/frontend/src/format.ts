// Numbers and times as people read them.

export function num(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return "—";
  }
  return value.toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function time(iso: string | null | undefined): string {
  if (!iso) {
    return "—";
  }
  return new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) {
    return "—";
  }
  return new Date(iso).toLocaleString(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** "3 min ago" for a past instant. */
export function ago(iso: string, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} d ago`;
}

/** The date of a Date in local time as YYYY-MM-DD. */
export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Units as the service writes them, in display form. */
export function unitLabel(unit: string | null | undefined): string {
  switch (unit) {
    case "umol/m2/s":
      return "µmol m⁻² s⁻¹";
    case "W/m2":
      return "W m⁻²";
    case "-":
    case null:
    case undefined:
      return "";
    default:
      return unit;
  }
}

/** Sensor kinds (the wire contract's reading names) as people say them. */
export const KIND_LABELS: Record<string, string> = {
  air_temperature: "Air temperature",
  canopy_temperature: "Canopy temperature",
  pipe_temperature: "Pipe temperature",
  outdoor_temperature: "Outdoor temperature",
  air_relative_humidity: "Relative humidity",
  outdoor_relative_humidity: "Outdoor RH",
  air_co2: "CO₂",
  outdoor_co2: "Outdoor CO₂",
  air_vpd: "VPD",
  canopy_par: "PAR at canopy",
  outdoor_global_radiation: "Global radiation (outdoor)",
  outdoor_wind_speed: "Wind speed",
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

/** Writes rows as RFC 4180 CSV (quoted where needed, CRLF line ends). */
export function toCsv(rows: (string | number | null)[][]): string {
  return rows
    .map((r) =>
      r
        .map((c) => {
          const s = c === null || c === undefined ? "" : String(c);
          return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
        })
        .join(","),
    )
    .join("\r\n");
}
