import fs from "node:fs";
import { submitForm } from "../testing/forms";

/**
 * Pages a day at the space touches: public ones, a member's and an admin's (the mixed load of bench:memory and
 * bench:soak). Each answers its visitor 200: `/training` is the trainers' page (a member gets 403), so the admin
 * asks for it; the member's own usage is `/home/usage`.
 */
export const PUBLIC_PAGES = ["/login", "/calendar", "/signup", "/forgot-password"];
export const MEMBER_PAGES = ["/home", "/calendar", "/machines", "/home/usage", "/bookings", "/profile", "/news", "/things", "/directory", "/equipment"];
export const ADMIN_PAGES = ["/admin/people", "/admin/system", "/admin/equipment", "/admin/usage", "/admin/audit", "/admin/membership", "/training"];

/** Logs a demo user in through the login form; the session cookie to send with later requests. */
export async function login(port: number, email: string, password: string): Promise<string> {
  const response = await submitForm(port, "/login", { email, password });
  const cookie = ([] as string[])
    .concat(response.headers["set-cookie"] ?? [])
    .map((c) => c.split(";")[0]!)
    .filter((c) => c.includes("session-token"))
    .join("; ");
  if (!cookie) throw new Error(`Could not log in as ${email} (status ${response.status})`);
  return cookie;
}

/**
 * `count` GETs spread over the paths in turn, `concurrency` at a time; non-2xx/3xx answers are counted, not thrown,
 * and named (`failures`: "403 /path" → how often) so a bench can say which page refused.
 */
export async function hit(
  port: number,
  requests: { path: string; cookie?: string }[],
  count: number,
  concurrency = 2,
): Promise<{ seconds: number; failed: number; failures: Map<string, number> }> {
  let next = 0;
  let failed = 0;
  const failures = new Map<string, number>();
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const r = requests[next++ % requests.length]!;
      const response = await fetch(`http://127.0.0.1:${port}${r.path}`, { redirect: "manual", headers: r.cookie ? { cookie: r.cookie } : {} });
      await response.arrayBuffer();
      if (response.status >= 400) {
        failed++;
        const key = `${response.status} ${r.path}${r.cookie ? " (logged in)" : ""}`;
        failures.set(key, (failures.get(key) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { seconds: (performance.now() - started) / 1000, failed, failures };
}

/** The process and all its descendants (Linux /proc), each with its resident memory and command. */
export function processTree(rootPid: number): { pid: number; rssBytes: number; command: string }[] {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const pids = [rootPid];
  for (let i = 0; i < pids.length; i++) for (const [pid, parent] of parentOf) if (parent === pids[i]) pids.push(pid);
  return pids.flatMap((pid) => {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      const command = fs
        .readFileSync(`/proc/${pid}/cmdline`, "utf8")
        .split("\0")
        .filter(Boolean)
        .map((a) => a.replace(/^.*\/(?=[^/]+$)/, ""))
        .join(" ");
      return rss ? [{ pid, rssBytes: Number(rss) * 1024, command: command.slice(0, 70) }] : [];
    } catch {
      return [];
    }
  });
}
