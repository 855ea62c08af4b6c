import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The broker and scripts share lib/ with the web app; these stay as Node modules, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "postgres", "pino", "nodemailer", "sharp", "exceljs", "sql.js"],
  poweredByHeader: false,
  // scripts/web/web-server.ts compresses, with Next's own middleware, after it has put a message for readers without
  // JavaScript into the root layout's error page (scripts/web/error-shell-fallback.ts).
  compress: false,
  // forbidden() renders app/forbidden.tsx with HTTP 403 for logged-in users lacking a permission.
  // serverActions.bodySizeLimit: thing photos up to 10 MB (checked again in the domain) plus the form.
  // preloadEntriesOnStart off: Next would load every route's modules at start, beside the first requests (measured
  // side by side, load 20: a bare start's first answer 6.4 → 3.9 s); each route now loads on its first request, and
  // the routes nobody asks for on a small box never take memory.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "11mb" }, preloadEntriesOnStart: false },
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` is the gate; the build need not repeat it
};

export default nextConfig;
