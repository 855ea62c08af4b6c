import nodemailer from "nodemailer";
import type { Logger } from "pino";
import type { Mailer } from "@/lib/domain/mail/mailer";
import type { SpaceSettings } from "./space-settings";
import { smtpTransportOptions } from "./test-mail";

/**
 * A mailer that follows the admin's settings: until they are saved it is `fallback` (SMTP_URL / the log);
 * afterwards mail goes through the saved SMTP server with the saved sender, or to the log when none is set.
 */
export function createSettingsMailer(load: () => Promise<SpaceSettings>, fallback: Mailer, logger: Logger): Mailer {
  return {
    async send(message) {
      const settings = await load();
      if (!settings.updatedAt) return fallback.send(message);
      const options = smtpTransportOptions(settings);
      if (!options) {
        logger.info({ mail: { from: settings.mailFrom, ...message } }, `Mail to ${message.to} (no SMTP server in the settings, printed here instead):\n${message.text}`);
        return;
      }
      const transport = nodemailer.createTransport(options);
      try {
        await transport.sendMail({ from: settings.mailFrom, to: message.to, subject: message.subject, text: message.text });
        logger.info({ to: message.to, subject: message.subject }, "Mail sent");
      } finally {
        transport.close();
      }
    },
  };
}
