/**
 * The web app: Next's request handler behind Node's own http/https server, so the forwarding headers can be
 * checked against the socket (see forwarding.ts). With TLS_CERT/TLS_KEY it speaks HTTPS (certificate checked
 * first: a clear message instead of a TLS stack trace) and, with HTTP_REDIRECT_PORT, redirects plain HTTP to it —
 * to the space's public address (https-redirect.ts), never to the request's Host.
 * Run by `npm start` and `npm run start:web`.
 */
import http from "node:http";
import https from "node:https";
import path from "node:path";
import next from "next";
import { parseEnv } from "@/lib/env";
import { TlsConfigError, loadTlsMaterial } from "@/lib/ops/tls";
import { createDb } from "@/lib/db/client";
import { getSpaceSettings, settingsFromEnv } from "@/lib/domain/settings/space-settings";
import { CHECK_MS } from "@/lib/domain/settings/settings-version";
import { publicUrlFromEnv } from "@/lib/domain/settings/public-url";
import { applyForwardingPolicy } from "./forwarding";
import { cachedPublicUrl, httpsRedirectLocation } from "./https-redirect";
import { applySecurityHeaders } from "./security-headers";
import { applyBuiltNextConfig } from "./built-next-config";
import { serveWhenTold } from "./serve-when-told";
import { spaceLanguages, withErrorShellFallback } from "./error-shell-fallback";
import { errorPageLanguages } from "./error-page-languages";
import { compressLikeNext } from "./compression";

const root = path.resolve(import.meta.dirname, "..", "..");

async function main(): Promise<void> {
  const booting = parseEnv(process.env);
  if (Boolean(booting.TLS_CERT) !== Boolean(booting.TLS_KEY)) throw new TlsConfigError("TLS_CERT and TLS_KEY must both be set for HTTPS.");
  const tls = booting.TLS_CERT && booting.TLS_KEY ? loadTlsMaterial(booting.TLS_CERT, booting.TLS_KEY) : null;
  // The config the build evaluated, not next.config.ts again: Next would load its SWC compiler to read it.
  applyBuiltNextConfig(root);
  const app = next({ dev: false, dir: root, hostname: booting.HOST, port: booting.PORT });
  await app.prepare();
  // Under `npm start`: booted beside the database's preparation; serves once the launcher says the schema is ready
  // (and gives the database's address).
  await serveWhenTold();
  const env = parseEnv(process.env);
  const handle = app.getRequestHandler();
  // The settings this server reads itself (the error page's languages, the redirect's address): one connection,
  // opened on first use; kept per settings version (settings-version.ts): a save anywhere shows at the next check.
  // A statement timeout: a stalled database (a lock on the settings, a hung server) frees the one connection.
  const settingsDb = env.DATABASE_URL ? createDb(env.DATABASE_URL, { max: 1, connectTimeoutSeconds: 5, statementTimeoutMs: 2_000 }) : null;
  const fromEnv = settingsFromEnv(env);
  const languages = errorPageLanguages(async () => spaceLanguages(settingsDb ? await getSpaceSettings(settingsDb.db) : fromEnv), spaceLanguages(fromEnv));
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    applyForwardingPolicy(req.headers, req.socket.remoteAddress, env.TRUST_PROXY, tls !== null);
    applySecurityHeaders(req, res, tls !== null);
    compressLikeNext(req, res);
    withErrorShellFallback(req, res, languages);
    void handle(req, res);
  };
  const server = tls ? https.createServer({ cert: tls.cert, key: tls.key }, onRequest) : http.createServer(onRequest);
  await listen(server, env.PORT, env.HOST);
  const port = (server.address() as { port: number }).port;
  if (!tls) console.log(`HTTP on port ${port}`);
  else console.log(`HTTPS on port ${port} (certificate for ${tls.subject.replace(/\n/g, ", ")}, valid until ${tls.validTo.toISOString().slice(0, 10)})`);
  let redirect: http.Server | null = null;
  if (tls && env.HTTP_REDIRECT_PORT !== undefined) {
    // Checked as often as the settings' version is (a saved address shows within CHECK_MS, not after 30 s); the last
    // known address stays while the database is down, asked again at most that often.
    const publicUrl = cachedPublicUrl(
      async () => (settingsDb ? (await getSpaceSettings(settingsDb.db)).publicUrl : publicUrlFromEnv(env)),
      publicUrlFromEnv(env),
      CHECK_MS,
    );
    redirect = http.createServer((req, res) => {
      applySecurityHeaders(req, res, false);
      void publicUrl().then((base) => {
        res.writeHead(308, { location: httpsRedirectLocation(base, port, req.url) });
        res.end();
      });
    });
    await listen(redirect, env.HTTP_REDIRECT_PORT, env.HOST);
    console.log(`HTTP on port ${(redirect.address() as { port: number }).port} redirects to HTTPS`);
  }
  const stop = () => {
    redirect?.close();
    void settingsDb?.close().catch(() => {});
    server.close(() => process.exit(0));
    server.closeAllConnections?.();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

function listen(server: http.Server | https.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(error.code === "EADDRINUSE" ? new TlsConfigError(`Port ${port} is already in use.`) : error));
    server.listen(port, host, () => resolve());
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof TlsConfigError ? `✖ ${error.message}` : error);
  process.exit(1);
});
