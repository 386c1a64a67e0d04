// Hash routes: #/login, #/facilities, #/f/{facilityId}/{page}. The hash keeps every route on the one page the
// service serves at `/`, so a reload never asks the server for a path it does not have.

import { useEffect, useState } from "preact/hooks";

export const PAGES = ["overview", "charts", "control", "alerts", "policies", "analytics", "twin"] as const;
export type PageName = (typeof PAGES)[number];

export interface Route {
  name: "login" | "facilities" | "facility";
  facilityId?: string;
  page?: PageName;
}

export function parse(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "f" && parts[1]) {
    const page = (PAGES as readonly string[]).includes(parts[2]) ? (parts[2] as PageName) : "overview";
    return { name: "facility", facilityId: parts[1], page };
  }
  if (parts[0] === "login") {
    return { name: "login" };
  }
  return { name: "facilities" };
}

export function href(route: Route): string {
  if (route.name === "facility") {
    return `#/f/${encodeURIComponent(route.facilityId!)}/${route.page ?? "overview"}`;
  }
  return `#/${route.name}`;
}

export function navigate(route: Route) {
  window.location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(parse(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parse(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}
