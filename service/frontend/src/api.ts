// The REST API under /api/v1, as the service's README and controllers define it. Requests carry the access
// token; a 401 is answered by one refresh and one retry.

import { ApiError, freshToken, readProblem, refresh } from "./auth";

export { ApiError };

export type Role = "VIEWER" | "OPERATOR" | "ADMIN";

export const ROLE_RANK: Record<Role, number> = { VIEWER: 0, OPERATOR: 1, ADMIN: 2 };

export function atLeast(role: Role | undefined, needed: Role): boolean {
  return role !== undefined && ROLE_RANK[role] >= ROLE_RANK[needed];
}

export interface Facility {
  id: string;
  name: string;
  location: string;
  latitude: number | null;
  longitude: number | null;
  areaM2: number;
  crop: string;
  role: Role;
  createdAt: string;
}

export interface Zone {
  id: string;
  facilityId: string;
  name: string;
  areaM2: number;
  crop: string | null;
}

export interface Sensor {
  id: string;
  zoneId: string;
  name: string;
  kind: string;
  unit: string;
  min: number | null;
  max: number | null;
  gatewayId: string | null;
  point: string | null;
}

export interface Equipment {
  id: string;
  zoneId: string;
  name: string;
  kind: string;
  protocol: string;
  address: string;
  point: string;
  unit: string;
  safetyMin: number;
  safetyMax: number;
  gatewayId: string | null;
}

export interface Gateway {
  id: string;
  name: string;
  clientId: string;
  lastSeenAt: string | null;
}

export interface Latest {
  sensorId: string;
  zoneId: string;
  name: string;
  kind: string;
  unit: string;
  time: string;
  value: number;
  stale: boolean;
}

export interface Series {
  sensorId: string;
  kind: string;
  unit: string;
  step: string;
  agg: string;
  from: string;
  to: string;
  points: { time: string; value: number }[];
}

export type AlertState = "OPEN" | "ACKNOWLEDGED" | "RESOLVED";
export type Severity = "INFO" | "WARNING" | "CRITICAL";

export interface Alert {
  id: string;
  facilityId: string;
  zoneId: string | null;
  sensorId: string | null;
  gatewayId: string | null;
  kind: string;
  severity: Severity;
  message: string;
  state: AlertState;
  raisedAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
}

export type CommandStatus = "QUEUED" | "SENT" | "DELIVERED" | "SUCCEEDED" | "FAILED" | "TIMED_OUT";

export const TERMINAL: CommandStatus[] = ["SUCCEEDED", "FAILED", "TIMED_OUT"];

/** A command or a policy rollout (the controls API and the live `command` frames). */
export interface Command {
  id: string;
  kind: "COMMAND" | "POLICY_ROLLOUT";
  gatewayId: string;
  gatewayClientId: string;
  equipmentId: string | null;
  action: string | null;
  target: string | null;
  value: number | null;
  unit: string | null;
  mode: string | null;
  policyId: string | null;
  policyVersion: string | null;
  issuedBy: string;
  issuedAt: string;
  expiresAt: string;
  status: CommandStatus;
  reason: string | null;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export interface PolicyVersion {
  id: string;
  name: string;
  version: number;
  sha256: string;
  sizeBytes: number;
  envId: string;
  uploadedAt: string;
  aliases: string[];
}

export interface PolicyAlias {
  name: string;
  alias: string;
  version: number;
  policyId: string;
  updatedAt: string;
}

export interface GatewayPolicy {
  gatewayId: string;
  clientId: string;
  rollout: Command | null;
}

/** A gateway's mode as the API writes it: the wire's policy mode is "autonomous"; "fallback" means the
 * rule-based controller acts because the policy cannot. */
export type ControlMode = "autonomous" | "advisory" | "manual" | "fallback";

/** What a gateway last reported about itself (service control.GatewayStateView). */
export interface GatewayState {
  gatewayId: string;
  reported: boolean;
  online: boolean | null;
  mode: ControlMode | null;
  fallbackActing: boolean;
  policyVersion: string | null;
  lastTickAt: string | null;
  sentAt: string | null;
  updatedAt: string | null;
}

/** One control tick (service control.DecisionView; the live feed's "decision" frames leave out inputs and
 * rawAction). Values by point name in each point's canonical unit, null where not a number. */
export interface Decision {
  id: string;
  gatewayId: string;
  tickAt: string;
  mode: ControlMode;
  policyVersion: string | null;
  inputs?: Record<string, number | null>;
  rawAction?: Record<string, number | null>;
  safeAction: Record<string, number | null>;
  interventions: string[];
  latencyMicros: number;
}

/** Daily figures per m² (service metrics.DailyMetrics); null where not computed. */
export interface DailyMetrics {
  day: string;
  heatMjM2: number | null;
  electricityKwhM2: number | null;
  co2KgM2: number | null;
  costEurM2: number | null;
  yieldKgM2: number | null;
  meanVpdKpa: number | null;
  dliMolM2D: number | null;
}

export interface TwinResult {
  controller: string;
  episodeReturn: number;
  steps: number;
  kpis: Record<string, number>;
  rewardTerms: Record<string, number>;
}

export interface TwinJob {
  id: string;
  state: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";
  progress: number;
  scenario: Record<string, unknown>;
  result: { controller: TwinResult; baseline: TwinResult | null } | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

async function send(method: string, path: string, body?: unknown, retried = false): Promise<Response> {
  const token = await freshToken();
  if (!token) {
    throw new ApiError(401, "signed out");
  }
  const headers: Record<string, string> = {
    Accept: "application/json, application/problem+json",
    Authorization: `Bearer ${token}`,
  };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  let response: Response;
  try {
    response = await fetch(`api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "the service is not reachable");
  }
  if (response.status === 401 && !retried && (await refresh())) {
    return send(method, path, body, true);
  }
  if (!response.ok) {
    throw await readProblem(response);
  }
  return response;
}

export async function get<T>(path: string): Promise<T> {
  return (await send("GET", path)).json();
}

export async function post<T>(path: string, body?: unknown): Promise<T> {
  const response = await send("POST", path, body);
  return response.status === 204 ? (undefined as T) : response.json();
}

export async function put<T>(path: string, body?: unknown): Promise<T> {
  return (await send("PUT", path, body)).json();
}

/** Path of a facility's sub-resource. */
export function fpath(facilityId: string, rest = ""): string {
  return `/facilities/${encodeURIComponent(facilityId)}${rest}`;
}
