import { createMailer, type Mailer } from "@/lib/domain/mail/mailer";
import { loadSpaceSettings } from "@/lib/domain/settings/space-settings";
import { createSettingsMailer } from "@/lib/domain/settings/settings-mailer";
import { env } from "@/lib/env";
import { getDb } from "./db";
import { getLogger } from "./logger";

let mailer: Mailer | undefined;

/** The web app's mailer: the SMTP server of the admin settings; before they are saved SMTP_URL, else the log. */
export function getMailer(): Mailer {
  const e = env();
  mailer ??= createSettingsMailer(() => loadSpaceSettings(getDb()), createMailer({ smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, logger: getLogger() }), getLogger());
  return mailer;
}
