import fs from "node:fs";
import path from "node:path";

/**
 * What `npm start`'s supervisor knows about the processes it runs (the web server, the board broker): written by
 * the launcher to DATA_DIR/logs/services.json at every change, read by the system page. Only `npm start` writes
 * it; under `start:web`/`start:broker` (systemd restarts them) the file is absent and the page shows nothing.
 */
export interface ServiceState {
  /** running: the process is up; restarting: it exited and is started again at nextTryAt; stopped: given up or stopping. */
  state: "running" | "restarting" | "stopped";
  /** When the process entered this state (started, or first exited in the current run of crashes). */
  since: string;
  pid: number | null;
  /** Exits since the process last stayed up long enough to count as recovered. */
  crashes: number;
  /** Exits since the launcher started. */
  totalCrashes: number;
  /** While restarting: when the next start is due. */
  nextTryAt: string | null;
  lastExit: { at: string; reason: string } | null;
}

export interface ServicesStatus {
  /** The launcher's pid: a file left by a launcher that is gone (killed) is ignored. */
  launcherPid: number;
  writtenAt: string;
  services: Record<string, ServiceState>;
}

export const serviceStatusFile = (dataDir: string) => path.join(dataDir, "logs", "services.json");

/** Written whole (temporary file, then rename) so a reader never sees half of it; a full disk only loses the update. */
export function writeServiceStatus(dataDir: string, services: Record<string, ServiceState>, launcherPid = process.pid, at = new Date()): void {
  const file = serviceStatusFile(dataDir);
  const body: ServicesStatus = { launcherPid, writtenAt: at.toISOString(), services };
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(body), { mode: 0o600 });
    fs.renameSync(`${file}.tmp`, file);
  } catch {
    // A convenience for the system page: a full or read-only disk must not touch supervision itself.
  }
}

export function removeServiceStatus(dataDir: string): void {
  fs.rmSync(serviceStatusFile(dataDir), { force: true });
}

/** The supervised services, or null when no live launcher wrote the file (production units, a killed launcher). */
export function readServiceStatus(dataDir: string): ServicesStatus | null {
  try {
    const status = JSON.parse(fs.readFileSync(serviceStatusFile(dataDir), "utf8")) as ServicesStatus;
    return isAlive(status.launcherPid) ? status : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The system page's line about one supervised service: a catalog key under `system.broker.supervision.`, its values, and the last exit. */
export function supervisionLine(
  service: ServiceState,
  now = new Date(),
): { key: "restarting" | "runningAfterCrashes" | "running" | "stopped"; values: Record<string, number>; lastExit: { at: Date; reason: string } | null } {
  const lastExit = service.lastExit && { at: new Date(service.lastExit.at), reason: service.lastExit.reason };
  if (service.state === "restarting") {
    const seconds = service.nextTryAt ? Math.max(0, Math.ceil((Date.parse(service.nextTryAt) - now.getTime()) / 1000)) : 0;
    return { key: "restarting", values: { crashes: service.crashes, seconds }, lastExit };
  }
  if (service.state === "stopped") return { key: "stopped", values: {}, lastExit };
  if (service.totalCrashes > 0) return { key: "runningAfterCrashes", values: { crashes: service.totalCrashes }, lastExit };
  return { key: "running", values: {}, lastExit };
}
