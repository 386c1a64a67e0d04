// The signed-in session. The access token lives in memory only; the refresh token also in sessionStorage, so
// that reloading the tab keeps the grower signed in while closing the tab (or the browser) ends the session,
// and another tab or a later visit never inherits it (localStorage would keep it for weeks, and share it
// between tabs, which would then spend each other's rotating refresh tokens). sessionStorage is as readable as
// memory to a script running in the page: what protects both is that no foreign script runs (the service
// sends a Content-Security-Policy allowing scripts from its own origin only, and the page renders all text
// as text). The API has no cookies, so there is no CSRF surface.

const REFRESH_KEY = "rala.refreshToken";

/** A problem+json answer or a network failure, with the fields the service named. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: { field: string; reason: string }[] = [],
  ) {
    super(message);
  }

  /** The reason given for one field, if any. */
  reasonFor(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.reason;
  }
}

interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: string;
  /** Lifetime of the access token, s. */
  expiresIn: number;
}

interface Session {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires, ms since the epoch (browser clock). */
  expiresAt: number;
}

let session: Session | null = null;
let refreshTimer: number | undefined;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed() {
  listeners.forEach((l) => l());
}

export function signedIn(): boolean {
  return session !== null;
}

/** The current access token, or null when signed out. */
export function accessToken(): string | null {
  return session?.accessToken ?? null;
}

/** Whether a refresh token survived a reload of this tab. */
export function hasStoredSession(): boolean {
  return sessionStorage.getItem(REFRESH_KEY) !== null;
}

async function readProblem(response: Response): Promise<ApiError> {
  let message = response.statusText || `HTTP ${response.status}`;
  let errors: { field: string; reason: string }[] = [];
  try {
    const body = await response.json();
    message = body.detail || body.title || message;
    if (Array.isArray(body.errors)) {
      errors = body.errors;
      if (errors.length) {
        message = errors.map((e) => `${e.field}: ${e.reason}`).join("; ");
      }
    }
  } catch {
    // not JSON: the status line says enough
  }
  return new ApiError(response.status, message, errors);
}

export { readProblem };

function start(pair: TokenPair) {
  session = {
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    expiresAt: Date.now() + pair.expiresIn * 1000,
  };
  sessionStorage.setItem(REFRESH_KEY, pair.refreshToken);
  window.clearTimeout(refreshTimer);
  // refresh ahead of expiry: at 80 % of the lifetime, and at least 20 s before it (5 min tokens: after 4 min)
  const lead = Math.max(20, pair.expiresIn * 0.2);
  const delay = Math.max(1, pair.expiresIn - lead) * 1000;
  refreshTimer = window.setTimeout(() => void refresh(), delay);
  changed();
}

function clear() {
  session = null;
  window.clearTimeout(refreshTimer);
  sessionStorage.removeItem(REFRESH_KEY);
  changed();
}

export async function login(email: string, password: string): Promise<void> {
  const response = await fetch("api/v1/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) {
    throw await readProblem(response);
  }
  start(await response.json());
}

/**
 * Exchanges the refresh token for a new pair. One at a time: refresh tokens rotate, and presenting one twice
 * would make the service revoke the whole session (its replay detection), so concurrent callers share one
 * request. Resolves false (and signs out) when the session has ended.
 */
export function refresh(): Promise<boolean> {
  if (refreshing) {
    return refreshing;
  }
  const token = session?.refreshToken ?? sessionStorage.getItem(REFRESH_KEY);
  if (!token) {
    return Promise.resolve(false);
  }
  refreshing = (async () => {
    try {
      const response = await fetch("api/v1/auth/refresh", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ refreshToken: token }),
      });
      if (response.status === 401 || response.status === 400) {
        clear();
        return false;
      }
      if (!response.ok) {
        // the service is unreachable or failing: keep the session and try again shortly
        window.clearTimeout(refreshTimer);
        refreshTimer = window.setTimeout(() => void refresh(), 10_000);
        return session !== null;
      }
      start(await response.json());
      return true;
    } catch {
      window.clearTimeout(refreshTimer);
      refreshTimer = window.setTimeout(() => void refresh(), 10_000);
      return session !== null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** An access token valid for a while yet, refreshing first if it is about to expire. */
export async function freshToken(): Promise<string | null> {
  if (session && session.expiresAt - Date.now() > 15_000) {
    return session.accessToken;
  }
  await refresh();
  return accessToken();
}

export async function logout(): Promise<void> {
  const token = session?.refreshToken ?? sessionStorage.getItem(REFRESH_KEY);
  clear();
  if (token) {
    try {
      await fetch("api/v1/auth/logout", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ refreshToken: token }),
      });
    } catch {
      // signed out here either way; the refresh token expires on its own
    }
  }
}
