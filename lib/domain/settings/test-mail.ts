import nodemailer from "nodemailer";
import type { SpaceSettings } from "./space-settings";

export type TestMailResult = { ok: true } | { ok: false; code: "not_configured" | "auth" | "connection" | "tls" | "rejected" | "other"; detail: string };

/** Transport options from the settings; null when no SMTP host is set (mail then goes to the log). */
export function smtpTransportOptions(s: SpaceSettings) {
  if (!s.smtpHost) return null;
  return {
    host: s.smtpHost,
    port: s.smtpPort ?? (s.smtpSecure ? 465 : 587),
    secure: s.smtpSecure,
    auth: s.smtpUser ? { user: s.smtpUser, pass: s.smtpPassword ?? "" } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  };
}

/** Sends one mail with the given settings and sorts a failure into something an admin can act on. */
export async function sendTestMail(settings: SpaceSettings, to: string, text: { subject: string; body: string }): Promise<TestMailResult> {
  const options = smtpTransportOptions(settings);
  if (!options) return { ok: false, code: "not_configured", detail: "" };
  const transport = nodemailer.createTransport(options);
  try {
    await transport.sendMail({ from: settings.mailFrom, to, subject: text.subject, text: text.body });
    return { ok: true };
  } catch (error) {
    return classify(error as { code?: string; responseCode?: number; message?: string });
  } finally {
    transport.close();
  }
}

function classify(e: { code?: string; responseCode?: number; message?: string }): TestMailResult {
  const detail = (e.message ?? String(e)).slice(0, 300);
  if (e.code === "EAUTH" || e.responseCode === 535) return { ok: false, code: "auth", detail };
  if (e.code === "ETLS" || /certificate|ssl|tls/i.test(detail)) return { ok: false, code: "tls", detail };
  if (e.code === "ECONNECTION" || e.code === "ETIMEDOUT" || e.code === "EDNS" || e.code === "ESOCKET") return { ok: false, code: "connection", detail };
  if (e.code === "EENVELOPE" || (e.responseCode ?? 0) >= 500) return { ok: false, code: "rejected", detail };
  return { ok: false, code: "other", detail };
}
