import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer } from "../mailer";
import { decodeQuotedPrintable, openInbox, type Inbox } from "./smtp-inbox";

let inbox: Inbox;
beforeAll(async () => {
  inbox = await openInbox({ reject: ["gone@test.local"] });
});
afterAll(() => inbox?.close());

describe("the tests' one SMTP inbox", () => {
  it("receives a mail over the wire, with the text as the reader sees it", async () => {
    await inbox.mailer.send({ to: "a@test.local", subject: "Hello", text: `Grüße aus der Werkstatt: ${"x".repeat(90)} https://space.test/reset?a=1` });
    const mail = await inbox.waitFor((m) => m.to.includes("a@test.local"));
    expect(mail.text).toContain("Grüße aus der Werkstatt");
    expect(mail.text).toContain("https://space.test/reset?a=1");
  });

  it("waits for a mail that has not arrived yet, and says what came when none matches", async () => {
    const later = inbox.waitFor((m) => m.to.includes("later@test.local"));
    await inbox.mailer.send({ to: "later@test.local", subject: "Later", text: "now" });
    expect((await later).to).toEqual(["later@test.local"]);
    await expect(inbox.waitFor((m) => m.to.includes("never@test.local"), 50)).rejects.toThrow(
      /No matching mail within 50 ms; received \d+: .*later@test\.local/,
    );
  });

  it("refuses the addresses it was told to, as a server does for an unknown mailbox", async () => {
    await expect(inbox.mailer.send({ to: "gone@test.local", subject: "x", text: "x" })).rejects.toThrow();
    expect(inbox.mails.some((m) => m.to.includes("gone@test.local"))).toBe(false);
  });

  it("can want a login: only the right one gets mail in", async () => {
    const guarded = await openInbox({ login: { username: "mail", password: "right" } });
    try {
      const mailer = (auth: string) =>
        createMailer({ smtpUrl: `smtp://${auth}@127.0.0.1:${guarded.port}`, from: "x@test.local", logger: pino({ level: "silent" }) });
      await expect(mailer("mail:wrong").send({ to: "b@test.local", subject: "x", text: "x" })).rejects.toThrow();
      await mailer("mail:right").send({ to: "b@test.local", subject: "x", text: "x" });
      expect(guarded.mails.map((m) => m.to)).toEqual([["b@test.local"]]);
    } finally {
      await guarded.close();
    }
  });

  it("undoes quoted-printable: soft line breaks and UTF-8 bytes", () => {
    expect(decodeQuotedPrintable("Gr=C3=BC=C3=9Fe=\r\n aus =3D Wien")).toBe("Grüße aus = Wien");
  });
});
