import type { DemoSeed } from "@/drizzle/seed";
import { redactUrl } from "./startup-error";

export function banner(options: {
  url: string;
  publicUrl: string;
  mail: "smtp" | "log";
  mqttPort: number;
  embeddedUrl: string | null;
  dataDir: string;
  demo: DemoSeed | null;
  seededNow: boolean;
}): string {
  const lines = [
    "",
    `  Makerspace is ready on ${options.url}`,
    `  Links in mails and feeds start with ${options.publicUrl} (PUBLIC_URL; once saved, /admin/settings decides)`,
    options.mail === "log"
      ? "  Mail: NOT SENT — no SMTP server is set, so every mail, password-reset and sign-up links included, is printed to this log. Set SMTP_URL, or an SMTP server in /admin/settings."
      : "  Mail: sent through the SMTP server (no mail content or link is written to the log)",
    `  Board broker (MQTT) on port ${options.mqttPort}`,
    // The embedded database's password stays out of the log: the full address is in DATA_DIR/embedded-db.url (0600).
    `  Database: ${options.embeddedUrl ? `embedded, data in ${options.dataDir}, served at ${redactUrl(options.embeddedUrl)} (address with password: ${options.dataDir}/embedded-db.url)` : "PostgreSQL from DATABASE_URL"}`,
  ];
  if (options.demo) {
    const admin = options.demo.logins.find((l) => l.role === "admin");
    lines.push(
      "",
      options.seededNow ? "  Demo data created. Log in with:" : "  Demo logins (unless changed since):",
      `    admin:    ${admin?.email}  password: ${options.demo.password}`,
      ...options.demo.logins.filter((l) => l.role !== "admin").map((l) => `    ${`${l.role}:`.padEnd(10)}${l.email}  (same password)`),
      "",
      "  Demo cards (uid → holder role):",
      ...options.demo.logins.map((l) => `    ${l.cardUid}  ${l.role}${l.email === "member@makerspace.local" ? " — trained on machine 1" : ""}`),
      `  Demo machines (board id): ${options.demo.machines.map((m) => `${m.boardId} ${m.name}`).join(", ")}`,
    );
  }
  lines.push("", "  Press Ctrl-C to stop.", "");
  return lines.join("\n");
}
