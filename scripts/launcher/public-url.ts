import os from "node:os";
import type { Env } from "@/lib/env";

const WILDCARDS = new Set(["0.0.0.0", "::", "[::]", ""]);

/**
 * `npm start`'s first value for the space's public address when PUBLIC_URL is not set: the address the web server
 * was told to listen on, or, listening everywhere, this machine's first LAN address (what members' phones can reach;
 * localhost only works on the box itself). An admin changes it in /admin/settings.
 */
export function launcherPublicUrl(
  env: Pick<Env, "PUBLIC_URL" | "AUTH_URL" | "HOST" | "PORT">,
  scheme: "http" | "https",
  interfaces = os.networkInterfaces(),
): string {
  if (env.PUBLIC_URL) return new URL(env.PUBLIC_URL).origin;
  if (env.AUTH_URL) return new URL(env.AUTH_URL).origin;
  const host = WILDCARDS.has(env.HOST) ? lanAddress(interfaces) : env.HOST;
  const shown = host.includes(":") ? `[${host}]` : host;
  const port = (scheme === "http" && env.PORT === 80) || (scheme === "https" && env.PORT === 443) ? "" : `:${env.PORT}`;
  return `${scheme}://${shown}${port}`;
}

function lanAddress(interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]>): string {
  for (const list of Object.values(interfaces)) {
    const v4 = list?.find((i) => i.family === "IPv4" && !i.internal);
    if (v4) return v4.address;
  }
  return "localhost";
}
