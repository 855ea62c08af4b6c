import { openInbox, unfold, type Inbox } from "../lib/domain/mail/testing/smtp-inbox";

/** The tests' one SMTP inbox, on E2E_SMTP_PORT: the port the app under test was told to send its mail to. */
export function openMailbox(): Promise<Inbox> {
  return openInbox({ port: Number(process.env.E2E_SMTP_PORT) });
}

/** The sign-up confirmation link of a mail (quoted-printable undone: soft line breaks and every =XX). */
export function confirmLinkIn(raw: string): string | undefined {
  const text = raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return text.match(/https?:\/\/\S+\/signup\/confirm\?token=[A-Za-z0-9_%-]+/)?.[0];
}

/** The password-reset link of a mail (quoted-printable line wraps undone). */
export function resetLinkIn(raw: string): string | undefined {
  return unfold(raw).match(/https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/)?.[0];
}
