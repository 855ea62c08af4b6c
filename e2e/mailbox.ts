import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server on E2E_SMTP_PORT, the port the app under test was told to send its mail to. */
export async function openMailbox(): Promise<{ mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.E2E_SMTP_PORT), "127.0.0.1", resolve));
  return { mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Quoted-printable wraps long lines with "=\r\n"; undo that before looking for the link. */
export function resetLinkIn(raw: string): string | undefined {
  return raw.replace(/=\r?\n/g, "").match(/https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/)?.[0];
}
