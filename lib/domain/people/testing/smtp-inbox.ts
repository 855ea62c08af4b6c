import pino from "pino";
import { SMTPServer } from "smtp-server";
import { createMailer, type Mailer } from "../../mail/mailer";

export interface Inbox {
  mails: { to: string[]; raw: string }[];
  mailer: Mailer;
  /** Where the server listens (for a process under test: SMTP_URL=smtp://127.0.0.1:<port>). */
  port: number;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a free port and a mailer pointed at it: mail goes over the wire as in production.
 * Addresses in `reject` are refused at RCPT TO (550), as a server does for a mailbox it does not know.
 */
export async function openInbox(opts: { reject?: string[] } = {}): Promise<Inbox> {
  const mails: Inbox["mails"] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (opts.reject?.includes(address.address.toLowerCase())) return callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: "Makerspace <no-reply@test.local>", logger: pino({ level: "silent" }) });
  return { mails, mailer, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Quoted-printable soft line breaks undone, so links and long lines can be matched. */
export const unfold = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
