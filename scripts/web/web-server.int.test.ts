import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spaceSettings } from "@/lib/db/schema";
import { settingsFromEnv } from "@/lib/domain/settings/space-settings";
import { parseEnv } from "@/lib/env";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { TlsConfigError, loadTlsMaterial } from "@/lib/ops/tls";
import { ensureBuild } from "../launcher/build";
import { freePort } from "../testing/free-port";
import { selfSignedCertificate } from "../testing/self-signed-certificate";

// The HTTPS web server with a self-signed certificate made for this run (needs a `next build`, like e2e).
const root = path.resolve(import.meta.dirname, "..", "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-tls-"));
let cert: string;
let key: string;
let db: TestDatabase;
let child: ChildProcess | null = null;
/** Every server started: each test starts its own, and all are stopped at the end (only the last was, so the first stayed running). */
const children: ChildProcess[] = [];

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const client = url.startsWith("https:") ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(url, { ca: fs.readFileSync(cert), headers }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
  });
}

function start(env: Record<string, string>): Promise<{ code: number | null; out: string; ready: boolean }> {
  child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "web", "web-server.ts")], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", AUTH_SECRET: "a-test-secret-of-enough-length", ...env },
  });
  children.push(child);
  let out = "";
  return new Promise((resolve) => {
    const onData = (c: Buffer) => {
      out += c.toString();
      if (out.includes("redirects to HTTPS")) resolve({ code: null, out, ready: true });
    };
    child!.stdout!.on("data", onData);
    child!.stderr!.on("data", onData);
    child!.on("exit", (code) => resolve({ code, out, ready: false }));
  });
}

beforeAll(async () => {
  // `npm test` builds before Vitest; this makes the file work on its own too.
  await ensureBuild(root, () => {});
  ({ cert, key } = selfSignedCertificate(dir, "server"));
  db = await createTestDatabase();
}, 15 * 60_000);
afterAll(async () => {
  await Promise.all(
    children.filter((c) => c.exitCode === null && c.signalCode === null).map((c) => new Promise((resolve) => c.once("exit", resolve).kill("SIGTERM"))),
  );
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("HTTPS", () => {
  it("checks certificates with clear messages", () => {
    expect(loadTlsMaterial(cert, key).subject).toContain("localhost");
    const later = new Date(Date.now() + 10 * 24 * 3600 * 1000);
    expect(() => loadTlsMaterial(cert, key, later)).toThrow(/expired on/);
    expect(() => loadTlsMaterial(path.join(dir, "missing.pem"), key)).toThrow(/cannot be read \(ENOENT\)/);
    expect(() => loadTlsMaterial(key, key)).toThrow(TlsConfigError);
    const { key: otherKey } = selfSignedCertificate(dir, "other");
    expect(() => loadTlsMaterial(cert, otherKey)).toThrow(/does not belong/);
  });

  it("serves over HTTPS, redirects HTTP, and sets Secure cookies", { timeout: 120_000 }, async () => {
    const [port, redirectPort] = [await freePort(), await freePort()];
    const run = await start({
      PORT: String(port),
      HTTP_REDIRECT_PORT: String(redirectPort),
      TLS_CERT: cert,
      TLS_KEY: key,
      DATABASE_URL: db.url,
      PUBLIC_URL: `https://localhost:${port}`,
    });
    expect(run.out).toContain(`HTTPS on port ${port}`);
    const health = await get(`https://localhost:${port}/api/health`);
    expect(health.status).toBe(200);
    // HSTS only where the answer came over HTTPS.
    expect(health.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    // To the public address an admin saved (it wins over PUBLIC_URL), whatever Host the request names: a forged
    // one must not choose where the browser goes.
    const { updatedAt: _u, ...defaults } = settingsFromEnv(parseEnv({}));
    await db.db.insert(spaceSettings).values({ ...defaults, publicUrl: "https://space.example" });
    const redirect = await get(`http://127.0.0.1:${redirectPort}/login?next=%2Fhome`, { host: "evil.example" });
    expect(redirect.status).toBe(308);
    expect(redirect.headers.location).toBe("https://space.example/login?next=%2Fhome");
    const csrf = await get(`https://localhost:${port}/api/auth/csrf`);
    const cookies = csrf.headers["set-cookie"] ?? [];
    expect(cookies.length).toBeGreaterThan(0);
    expect(cookies.every((c) => /;\s*Secure/i.test(c))).toBe(true);
  });

  it("refuses to start with an unreadable certificate, saying why", async () => {
    const run = await start({ PORT: String(await freePort()), TLS_CERT: path.join(dir, "nope.pem"), TLS_KEY: key });
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/✖ The certificate .*nope\.pem cannot be read/);
  });
});
