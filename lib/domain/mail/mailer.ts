import nodemailer from "nodemailer";
import type { Logger } from "pino";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Set by the branding (the space's name and sender); otherwise the mailer's default sender. */
  from?: string | { name: string; address: string };
}

/** Services receive a mailer instead of importing one, so tests can point them at a real local SMTP server. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export interface MailerOptions {
  /** e.g. smtp://user:pass@host:587; when absent, mails are written to the log (development). */
  smtpUrl?: string;
  from: string;
  logger: Logger;
}

export function createMailer({ smtpUrl, from, logger }: MailerOptions): Mailer {
  if (!smtpUrl) {
    return {
      async send(message) {
        logger.info({ mail: { from, ...message } }, `Mail to ${message.to} (no SMTP_URL set, printed here instead):\n${message.text}`);
      },
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from: message.from ?? from, to: message.to, subject: message.subject, text: message.text });
      logger.info({ to: message.to, subject: message.subject }, "Mail sent");
    },
  };
}
