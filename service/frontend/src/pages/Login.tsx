import { useState } from "preact/hooks";
import { ApiError, login } from "../auth";
import { navigate, parse } from "../router";

export function Login() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
      setPassword("");
      if (parse(window.location.hash).name === "login") {
        navigate({ name: "facilities" });
      }
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      setError(
        status === 401
          ? "E-mail or password is wrong."
          : status === 429
            ? "Too many attempts: wait a few minutes, then try again."
            : err instanceof Error
              ? err.message
              : "Signing in failed.",
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" class="narrow" tabIndex={-1}>
      <h1>RALA</h1>
      <p class="muted">Greenhouse climate: live readings, control and what-if runs.</p>
      <form class="card stack" onSubmit={submit} aria-labelledby="login-title" id="login-form">
        <h2 id="login-title">Sign in</h2>
        <label for="email">E-mail</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          required
          value={email}
          onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
        />
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
        />
        {error && (
          <p class="error" role="alert" id="login-error">
            {error}
          </p>
        )}
        <button type="submit" class="primary" id="sign-in" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
