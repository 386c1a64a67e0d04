// A time-series chart (uPlot, canvas) with a text alternative: the caption names each series and its newest
// value, so that the chart's content is not only visual.

import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { useEffect, useRef } from "preact/hooks";
import { num } from "../format";

export interface ChartSeries {
  label: string;
  /** [time ms, value], oldest first */
  points: [number, number][];
}

export interface ChartProps {
  title: string;
  unit: string;
  series: ChartSeries[];
  /** x range, ms; the data's own when left out */
  from?: number;
  to?: number;
  /** charts with the same key share the cursor (aligned time axes) */
  syncKey?: string;
  height?: number;
  /** x axis of whole days (daily metrics) */
  days?: boolean;
  digits?: number;
}

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11 for graphics). */
export const LINE_COLOURS = ["#0b5cad", "#b3261e", "#1b6e20", "#7b3fa0", "#8a4b00", "#00677d"];

/** One x array (s) for all series, with null where a series has no point at that time. */
export function align(series: ChartSeries[]): uPlot.AlignedData {
  const times = new Set<number>();
  series.forEach((s) => s.points.forEach(([t]) => times.add(t)));
  const xs = [...times].sort((a, b) => a - b);
  const index = new Map(xs.map((t, i) => [t, i]));
  const columns = series.map((s) => {
    const col: (number | null)[] = new Array(xs.length).fill(null);
    s.points.forEach(([t, v]) => {
      col[index.get(t)!] = v;
    });
    return col;
  });
  return [xs.map((t) => t / 1000), ...columns] as uPlot.AlignedData;
}

export function Chart(props: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = props.series.map((s) => s.label).join("|") + `|${props.unit}|${props.days}`;

  // (re)build when the set of series changes
  useEffect(() => {
    const el = host.current!;
    const width = Math.max(300, el.clientWidth || 600);
    const opts: uPlot.Options = {
      width,
      height: props.height ?? 220,
      cursor: props.syncKey ? { sync: { key: props.syncKey } } : {},
      scales: { x: { time: true } },
      legend: { show: true },
      series: [
        { label: props.days ? "Day" : "Time" },
        ...props.series.map((s, i) => ({
          label: s.label,
          stroke: LINE_COLOURS[i % LINE_COLOURS.length],
          width: 2,
          spanGaps: false,
          value: (_u: uPlot, v: number | null) => (v === null ? "—" : `${num(v, props.digits ?? 1)} ${props.unit}`),
        })),
      ],
      axes: [
        { stroke: "#1a1a1a", grid: { stroke: "#e3e3e3" } },
        { stroke: "#1a1a1a", grid: { stroke: "#e3e3e3" }, label: props.unit, size: 60 },
      ],
    };
    plot.current = new uPlot(opts, align(props.series), el);
    const resize = new ResizeObserver(() => {
      const w = Math.max(300, el.clientWidth);
      if (plot.current && Math.abs(plot.current.width - w) > 2) {
        plot.current.setSize({ width: w, height: props.height ?? 220 });
      }
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [shape]);

  // new data, same series
  useEffect(() => {
    const p = plot.current;
    if (!p) {
      return;
    }
    p.batch(() => {
      p.setData(align(props.series), props.from === undefined);
      if (props.from !== undefined && props.to !== undefined) {
        p.setScale("x", { min: props.from / 1000, max: props.to / 1000 });
      }
    });
  }, [props.series, props.from, props.to, shape]);

  const summary = props.series
    .map((s) => {
      const last = s.points[s.points.length - 1];
      return last ? `${s.label}: ${num(last[1], props.digits ?? 1)} ${props.unit}` : `${s.label}: no data`;
    })
    .join("; ");
  const points = props.series.reduce((n, s) => n + s.points.length, 0);
  return (
    <figure class="chart" data-chart={props.title} data-points={points}>
      <figcaption>
        <strong>{props.title}</strong> <span class="muted">{summary}</span>
      </figcaption>
      <div ref={host} class="chart-canvas" role="img" aria-label={`${props.title}: ${summary}`} />
    </figure>
  );
}
