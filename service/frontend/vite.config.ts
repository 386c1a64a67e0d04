import { defineConfig } from "vite";

// The dashboard is built into the service's classes, where Spring Boot serves static/ at `/`: one origin for
// the page, the API and the live WebSocket, so nothing needs CORS and nothing is fetched from elsewhere.
export default defineConfig({
  base: "./",
  build: {
    outDir: "../target/classes/static",
    emptyOutDir: true,
    target: "es2022",
    // one small bundle: no lazy chunks to fetch on navigation
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    sourcemap: false,
  },
  oxc: {
    jsx: { runtime: "automatic", importSource: "preact" },
  },
  server: {
    host: "127.0.0.1",
    // `npm run dev` against `./rala serve` on the default port
    proxy: { "/api": { target: "http://127.0.0.1:8080", ws: true } },
  },
});
