import pino from "pino";
import { SMTPServer } from "smtp-server";
import { createMailer, type Mailer } from "../mailer";

/** One mail as the server received it: the envelope's recipients and the message as sent. */
export interface ReceivedMail {
  to: string[];
  raw: string;
  /** The message with quoted-printable undone, so text can be searched as the reader sees it. */
  text: string;
}

export interface Inbox {
  /** Every mail received so far, in order. */
  mails: ReceivedMail[];
  /** A mailer that sends to this server. */
  mailer: Mailer;
  /** Where the server listens (for a process under test: SMTP_URL=smtp://127.0.0.1:<port>). */
  port: number;
  /** The first mail `match` accepts, received already or as soon as it arrives; refused after `timeoutMs`. */
  waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export interface InboxOptions {
  /** Addresses refused at RCPT TO (550), as a server does for a mailbox it does not know. */
  reject?: string[];
  /** A fixed port (the one an app under test was told); a free one by default. */
  port?: number;
  /** A server that wants this login (the mailer here does not log in; give the app under test the login). */
  login?: { username: string; password: string };
}

/**
 * The one mail capture of the tests: a real SMTP server on a free port (mail goes over the wire as in production)
 * and a mailer pointed at it. Integration tests, e2e specs (on E2E_SMTP_PORT) and fixtures all use it.
 */
export async function openInbox(opts: InboxOptions = {}): Promise<Inbox> {
  const mails: ReceivedMail[] = [];
  const waiting = new Set<(mail: ReceivedMail) => void>();
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    logger: false,
    ...(opts.login
      ? {
          allowInsecureAuth: true,
          onAuth(auth, _session, callback) {
            if (auth.username === opts.login!.username && auth.password === opts.login!.password) callback(null, { user: auth.username });
            else callback(new Error("Invalid username or password"));
          },
        }
      : { authOptional: true }),
    onRcptTo(address, _session, callback) {
      if (opts.reject?.includes(address.address.toLowerCase())) return callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        const mail = { to: session.envelope.rcptTo.map((r) => r.address), raw, text: decodeQuotedPrintable(raw) };
        mails.push(mail);
        for (const notify of waiting) notify(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: "Makerspace <no-reply@test.local>", logger: pino({ level: "silent" }) });

  function waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs = 10_000): Promise<ReceivedMail> {
    const already = mails.find(match);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const notify = (mail: ReceivedMail) => {
        if (!match(mail)) return;
        waiting.delete(notify);
        clearTimeout(timer);
        resolve(mail);
      };
      const timer = setTimeout(() => {
        waiting.delete(notify);
        reject(new Error(`No matching mail within ${timeoutMs} ms; received ${mails.length}: ${mails.map((m) => m.to.join(",")).join("; ")}`));
      }, timeoutMs);
      waiting.add(notify);
    });
  }

  return { mails, mailer, port, waitFor, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Quoted-printable soft line breaks undone, so links and long lines can be matched. */
export const unfold = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");

/** Quoted-printable fully undone (soft breaks and =XX bytes, read as UTF-8): the text as the reader sees it. */
export function decodeQuotedPrintable(raw: string): string {
  const parts = raw.replace(/=\r?\n/g, "").match(/=[0-9A-F]{2}|[^=]+|=/g) ?? [];
  return Buffer.concat(
    parts.map((part) => (/^=[0-9A-F]{2}$/.test(part) ? Buffer.from([Number.parseInt(part.slice(1), 16)]) : Buffer.from(part, "utf8"))),
  ).toString("utf8");
}
