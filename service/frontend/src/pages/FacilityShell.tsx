import { createContext } from "preact";
import { useContext, useEffect, useMemo, useRef, useState } from "preact/hooks";
import {
  fpath,
  get,
  type Alert,
  type Equipment,
  type Facility,
  type Gateway,
  type Sensor,
  type Zone,
} from "../api";
import { LiveFeed, type Frame, type LiveStatus } from "../live";
import { href, type PageName } from "../router";
import { Overview } from "./Overview";
import { Charts } from "./Charts";
import { Control } from "./Control";
import { Alerts } from "./Alerts";
import { Policies } from "./Policies";
import { Analytics } from "./Analytics";
import { Twin } from "./Twin";

export interface FacilityData {
  facility: Facility;
  zones: Zone[];
  sensors: Sensor[];
  equipment: Equipment[];
  gateways: Gateway[];
  live: LiveFeed;
  /** Whether the live feed is connected; views poll while it is not. */
  liveStatus: LiveStatus;
}

const Ctx = createContext<FacilityData | null>(null);

export function useFacility(): FacilityData {
  return useContext(Ctx)!;
}

/** Subscribes to live frames of one type for the life of the component. */
export function useLive(type: string | string[], handler: (frame: Frame) => void) {
  const { live } = useFacility();
  const ref = useRef(handler);
  ref.current = handler;
  const types = Array.isArray(type) ? type : [type];
  useEffect(
    () =>
      live.on((f) => {
        if (types.includes(f.type)) {
          ref.current(f);
        }
      }),
    [live, types.join(",")],
  );
}

const NAV: { page: PageName; label: string }[] = [
  { page: "overview", label: "Overview" },
  { page: "charts", label: "Charts" },
  { page: "control", label: "Control" },
  { page: "alerts", label: "Alerts" },
  { page: "policies", label: "Policies" },
  { page: "analytics", label: "Analytics" },
  { page: "twin", label: "What-if" },
];

const STATUS_TEXT: Record<LiveStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  closed: "Live feed closed",
};

export function FacilityShell(props: { facilityId: string; page: PageName }) {
  const [data, setData] = useState<Omit<FacilityData, "live" | "liveStatus"> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [openAlerts, setOpenAlerts] = useState<number | null>(null);
  const live = useMemo(() => new LiveFeed(props.facilityId), [props.facilityId]);
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    const off = live.onStatus(setStatus);
    return () => {
      off();
      live.close();
    };
  }, [live]);

  useEffect(() => {
    const f = props.facilityId;
    Promise.all([
      get<Facility>(fpath(f)),
      get<Zone[]>(fpath(f, "/zones")),
      get<Sensor[]>(fpath(f, "/sensors")),
      get<Equipment[]>(fpath(f, "/equipment")),
      get<Gateway[]>(fpath(f, "/gateways")),
    ]).then(
      ([facility, zones, sensors, equipment, gateways]) =>
        setData({ facility, zones, sensors, equipment, gateways }),
      (e) => setError(e.status === 404 ? "No such facility, or you are not a member of it." : e.message),
    );
  }, [props.facilityId]);

  // the open-alert count in the navigation, kept current by the live feed
  useEffect(() => {
    const count = () =>
      get<Alert[]>(fpath(props.facilityId, "/alerts?state=OPEN&limit=1000")).then(
        (a) => setOpenAlerts(a.length),
        () => undefined,
      );
    void count();
    return live.on((f) => {
      if (f.type === "alert" || f.type === "resync") {
        void count();
      }
    });
  }, [live]);

  // move focus to the page's heading on navigation, so screen readers announce the new page
  useEffect(() => {
    main.current?.querySelector("h1")?.focus();
  }, [props.page, data !== null]);

  if (error) {
    return (
      <main id="main" tabIndex={-1}>
        <p class="error" role="alert">
          {error}
        </p>
        <a href="#/facilities">Back to your facilities</a>
      </main>
    );
  }
  if (!data) {
    return (
      <main id="main" tabIndex={-1}>
        <p role="status">Loading facility…</p>
      </main>
    );
  }
  const value: FacilityData = { ...data, live, liveStatus: status };
  return (
    <Ctx.Provider value={value}>
      <div class="facility-bar">
        <div>
          <a href="#/facilities" class="muted">
            Facilities
          </a>{" "}
          › <strong id="facility-name">{data.facility.name}</strong>{" "}
          <span class={`badge role-${data.facility.role.toLowerCase()}`} id="my-role">
            {data.facility.role.toLowerCase()}
          </span>
        </div>
        <span class={`live-status live-${status}`} role="status" id="live-status" aria-live="polite">
          <span aria-hidden="true" class="dot" /> {STATUS_TEXT[status]}
        </span>
      </div>
      <nav aria-label="Facility" class="tabs">
        <ul>
          {NAV.map((n) => (
            <li key={n.page}>
              <a
                href={href({ name: "facility", facilityId: props.facilityId, page: n.page })}
                aria-current={props.page === n.page ? "page" : undefined}
                id={`nav-${n.page}`}
              >
                {n.label}
                {n.page === "alerts" && openAlerts ? (
                  <span class="count" aria-label={`${openAlerts} open`}>
                    {openAlerts}
                  </span>
                ) : null}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={main} tabIndex={-1} data-page={props.page}>
        {props.page === "overview" && <Overview />}
        {props.page === "charts" && <Charts />}
        {props.page === "control" && <Control />}
        {props.page === "alerts" && <Alerts />}
        {props.page === "policies" && <Policies />}
        {props.page === "analytics" && <Analytics />}
        {props.page === "twin" && <Twin />}
      </main>
    </Ctx.Provider>
  );
}
