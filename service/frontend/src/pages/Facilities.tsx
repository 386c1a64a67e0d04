import { useEffect, useState } from "preact/hooks";
import { get, type Facility } from "../api";
import { href } from "../router";

/** The facilities the caller is a member of, with the caller's role in each (GET /api/v1/facilities). */
export function Facilities() {
  const [facilities, setFacilities] = useState<Facility[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    get<Facility[]>("/facilities").then(setFacilities, (e) => setError(e.message));
  }, []);

  return (
    <main id="main" tabIndex={-1}>
      <h1>Facilities</h1>
      {error && <p class="error" role="alert">{error}</p>}
      {facilities === null && !error && <p role="status">Loading…</p>}
      {facilities?.length === 0 && (
        <p>You are not a member of any facility yet. An admin of a facility can invite you.</p>
      )}
      <ul class="facility-list" aria-label="Your facilities">
        {facilities?.map((f) => (
          <li key={f.id} class="card">
            <a href={href({ name: "facility", facilityId: f.id, page: "overview" })} data-facility={f.id}>
              <span class="facility-name">{f.name}</span>
            </a>
            <span class="muted">
              {f.location} · {f.crop} · {f.areaM2.toLocaleString()} m²
            </span>
            <span class={`badge role-${f.role.toLowerCase()}`}>{f.role.toLowerCase()}</span>
          </li>
        ))}
      </ul>
    </main>
  );
}
