import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { ensureBuild } from "../launcher/build";
import { freePort } from "./free-port";

const root = path.resolve(import.meta.dirname, "..", "..");

export interface WebApp {
  /** The web server's process (node running web-server.ts). */
  pid: number;
  port: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * The built web app (scripts/web/web-server.ts, as `npm start` runs it) over a test database, on a free port.
 * Builds first when the build is missing or stale, like the e2e run.
 */
export async function startWebApp(databaseUrl: string, env: Record<string, string> = {}): Promise<WebApp> {
  await ensureBuild(root, () => {});
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-web-"));
  const { DATABASE_URL: _d, NODE_ENV: _n, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "web", "web-server.ts")], {
    cwd: root,
    env: {
      ...inherited,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      AUTH_SECRET: "a-test-secret-of-enough-length",
      AUTH_TRUST_HOST: "true",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (/HTTPS? on port/.test(out)) done(resolve);
      else if (child.exitCode !== null) done(() => reject(new Error(`web server exited (${child.exitCode}):\n${out}`)));
    }, 100);
    const done = (then: () => void) => {
      clearInterval(check);
      then();
    };
  });
  return {
    pid: child.pid!,
    port,
    origin: `http://127.0.0.1:${port}`,
    dataDir,
    output: () => out,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A plain HTTP request with exactly the headers given (Host included): what curl or an attacker sends. */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, method: options.method ?? "GET", path: options.path, headers: options.headers, setHost: !options.headers?.host },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/**
 * Whether a 200 page failed after its response started (a streamed part threw, or called notFound() or redirect()
 * too late): the failure shows only in the body — React's payload carries the error's digest (`E{"digest":…}`) and
 * the HTML asks the browser to render the boundary itself (`$RX`), which shows the segment's error.tsx. A 404 or 307
 * body carries such a digest by design; ask only of a 200.
 */
export function failedWhileStreaming(body: string): boolean {
  return /:E\{\\"digest\\"|\$RX\(/.test(body);
}
