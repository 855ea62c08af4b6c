import https from "node:https";
import path from "node:path";
import type { Env } from "@/lib/env";
import { TlsConfigError, loadTlsMaterial } from "@/lib/ops/tls";
import { StartupError } from "../launcher/startup-error";

/** How to run the web app: our server around Next (HTTPS with TLS_CERT/TLS_KEY, checked here first). */
export function webCommandArgs(root: string, env: Env): { args: string[]; scheme: "http" | "https" } {
  if (env.TLS_CERT || env.TLS_KEY) {
    if (!env.TLS_CERT || !env.TLS_KEY) throw new StartupError("Set both TLS_CERT and TLS_KEY for HTTPS (or neither).");
    try {
      loadTlsMaterial(env.TLS_CERT, env.TLS_KEY);
    } catch (error) {
      throw error instanceof TlsConfigError ? new StartupError(error.message) : error;
    }
  }
  const args = ["--import", "tsx", path.join(root, "scripts", "web", "web-server.ts")];
  return { args, scheme: env.TLS_CERT ? "https" : "http" };
}

/** Like waitForHealth, over HTTPS to ourselves: the certificate names the public host, not 127.0.0.1. */
export async function waitForHttpsHealth(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const req = https.get({ host: "127.0.0.1", port, path: "/api/health", rejectUnauthorized: false, timeout: 2_000 }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on("error", () => resolve(false));
      req.on("timeout", () => req.destroy());
    });
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}
