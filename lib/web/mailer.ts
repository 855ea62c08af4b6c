import { createMailer, type Mailer } from "@/lib/domain/mail/mailer";
import { env } from "@/lib/env";
import { getLogger } from "./logger";

let mailer: Mailer | undefined;

/** The web app's mailer: SMTP when SMTP_URL is set, otherwise mails are printed to the log. */
export function getMailer(): Mailer {
  const e = env();
  mailer ??= createMailer({ smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, logger: getLogger() });
  return mailer;
}
