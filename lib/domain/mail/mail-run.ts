import type { Mailer, MailMessage } from "./mailer";

/** What a batch of mails did. Failures are counted, not thrown: see sendCounted. */
export interface MailRun {
  sent: number;
  failed: number;
}

/**
 * Sends one mail of a batch and counts it. One rejected recipient must not stop the others, nor fail the job:
 * the scheduler retries failed jobs, and the retry would mail everyone before that recipient again.
 */
export async function sendCounted(mailer: Mailer, message: MailMessage, run: MailRun): Promise<boolean> {
  try {
    await mailer.send(message);
    run.sent++;
    return true;
  } catch {
    run.failed++;
    return false;
  }
}
