import { openInbox, unfold, type Inbox } from "../lib/domain/mail/testing/smtp-inbox";

/** The tests' one SMTP inbox, on E2E_SMTP_PORT: the port the app under test was told to send its mail to. */
export function openMailbox(): Promise<Inbox> {
  return openInbox({ port: Number(process.env.E2E_SMTP_PORT) });
}

/** The password-reset link of a mail (quoted-printable line wraps undone). */
export function resetLinkIn(raw: string): string | undefined {
  return unfold(raw).match(/https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/)?.[0];
}
