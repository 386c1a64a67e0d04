import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import "./styles.css";
import { hasStoredSession, logout, onSessionChange, refresh, signedIn } from "./auth";
import { get } from "./api";
import { ConfirmHost } from "./components/Confirm";
import { Login } from "./pages/Login";
import { Facilities } from "./pages/Facilities";
import { FacilityShell } from "./pages/FacilityShell";
import { navigate, useRoute } from "./router";

interface Me {
  id: string;
  email: string;
  displayName: string;
}

function App() {
  const route = useRoute();
  const [authed, setAuthed] = useState(signedIn());
  const [restoring, setRestoring] = useState(!signedIn() && hasStoredSession());
  const [me, setMe] = useState<Me | null>(null);

  useEffect(() => onSessionChange(() => setAuthed(signedIn())), []);
  useEffect(() => {
    if (restoring) {
      void refresh().finally(() => setRestoring(false));
    }
  }, []);
  useEffect(() => {
    if (authed) {
      get<Me>("/users/me").then(setMe, () => setMe(null));
    } else {
      setMe(null);
    }
  }, [authed]);

  // the page's title says where the person is (WCAG 2.4.2)
  useEffect(() => {
    const where =
      !authed ? "Sign in" : route.name === "facility" ? (route.page ?? "overview") : "Facilities";
    document.title = `${where[0].toUpperCase()}${where.slice(1)} · RALA`;
  }, [authed, route.name, route.page]);

  if (restoring) {
    return (
      <main id="main" class="narrow">
        <p role="status">Restoring your session…</p>
      </main>
    );
  }
  if (!authed) {
    return <Login />;
  }
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById("main")?.focus(); }}>
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href="#/facilities">
          RALA
        </a>
        <span class="muted who" data-testid="who">
          {me ? `Signed in as ${me.displayName || me.email}` : ""}
        </span>
        <button
          type="button"
          id="sign-out"
          onClick={async () => {
            await logout();
            navigate({ name: "login" });
          }}
        >
          Sign out
        </button>
      </header>
      {route.name === "facility" ? (
        <FacilityShell key={route.facilityId} facilityId={route.facilityId!} page={route.page!} />
      ) : (
        <Facilities />
      )}
    </>
  );
}

function Root() {
  return (
    <>
      <App />
      <ConfirmHost />
    </>
  );
}

render(<Root />, document.getElementById("app")!);
