import nodemailer from "nodemailer";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { brandMessage } from "@/lib/domain/mail/branding";
import { createMailer, type Mailer } from "@/lib/domain/mail/mailer";
import type { Env } from "@/lib/env";
import { loadSpaceSettings, type SpaceSettings } from "./space-settings";
import { smtpTransportOptions } from "./test-mail";

/**
 * A mailer that follows the admin's settings: until they are saved it is `fallback` (SMTP_URL / the log);
 * afterwards mail goes through the saved SMTP server, or to the log when none is set. Either way every mail
 * carries the space's name (sender name, subject, signature).
 */
export function createSettingsMailer(load: () => Promise<SpaceSettings>, fallback: Mailer, logger: Logger): Mailer {
  return {
    async send(original) {
      const settings = await load();
      const message = brandMessage(original, settings);
      if (!settings.updatedAt) return fallback.send(message);
      const options = smtpTransportOptions(settings);
      if (!options) {
        logger.info({ mail: message }, `Mail to ${message.to} (no SMTP server in the settings, printed here instead):\n${message.text}`);
        return;
      }
      const transport = nodemailer.createTransport(options);
      try {
        await transport.sendMail({ from: message.from, to: message.to, subject: message.subject, text: message.text });
        logger.info({ to: message.to, subject: message.subject }, "Mail sent");
      } finally {
        transport.close();
      }
    },
  };
}

/**
 * Where mail goes right now: through an SMTP server, or printed to the log (reset and confirmation links
 * included — the development default; the start banner says so). Mirrors createSettingsMailer's choice.
 */
export function mailDelivery(settings: Pick<SpaceSettings, "updatedAt" | "smtpHost">, e: Pick<Env, "SMTP_URL">): "smtp" | "log" {
  if (settings.updatedAt) return settings.smtpHost ? "smtp" : "log";
  return e.SMTP_URL ? "smtp" : "log";
}

/** For scripts (reminders, announcements): the settings mailer over a database handle, SMTP_URL before a save. */
export function createSpaceMailer(db: Db, e: Pick<Env, "SMTP_URL" | "MAIL_FROM">, logger: Logger): Mailer {
  return createSettingsMailer(() => loadSpaceSettings(db), createMailer({ smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, logger }), logger);
}
