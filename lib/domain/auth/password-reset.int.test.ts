import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { passwordResetTokens } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import type { Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import { authenticateWithPassword } from "./authenticate";
import { consumePasswordReset, hashResetToken, isResetTokenUsable, requestPasswordReset } from "./password-reset";

const limits = { maxPerAccount: 50, maxPerIp: 50, windowMinutes: 15 };
let t: DemoDatabase;
let inbox: Inbox;
let received: Inbox["mails"];

// A real SMTP server on a free port: the mail goes over the wire exactly as in production.
databaseWithInbox(
  () => createDemoDatabase({ password: "old-password-123" }),
  (database, mail) => {
    [t, inbox, received] = [database, mail, mail.mails];
  },
);

const mailer = () => inbox.mailer;
/** Quoted-printable may wrap long lines with "=\r\n"; undo that before looking for the link. */
const tokenIn = (raw: string) => raw.replace(/=\r?\n/g, "").match(/reset-password\/([A-Za-z0-9_-]+)/)?.[1];

describe("password reset", () => {
  it("mails a link over SMTP that sets a new password exactly once", async () => {
    expect(await requestPasswordReset(t.db, mailer(), { email: "Member@makerspace.local" })).toEqual({ ok: true });
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(["member@makerspace.local"]);
    const token = tokenIn(received[0]!.raw);
    expect(token).toBeTruthy();

    // Only the hash is stored.
    const rows = await t.db.select().from(passwordResetTokens);
    expect(rows.map((r) => r.tokenHash)).toEqual([hashResetToken(token!)]);
    expect(rows[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);

    expect(await isResetTokenUsable(t.db, token!)).toBe(true);
    expect(await consumePasswordReset(t.db, { token: token!, newPassword: "short" })).toMatchObject({ ok: false, code: "weak_password" });
    expect(await consumePasswordReset(t.db, { token: token!, newPassword: "brand-new-password" })).toEqual({ ok: true });
    expect(await consumePasswordReset(t.db, { token: token!, newPassword: "another-password" })).toMatchObject({ ok: false, code: "invalid_token" });
    expect(await isResetTokenUsable(t.db, token!)).toBe(false);

    const login = (password: string) => authenticateWithPassword(t.db, { email: "member@makerspace.local", password, ip: "1.1.1.1" }, limits);
    expect(await login("brand-new-password")).toMatchObject({ ok: true });
    expect(await login("old-password-123")).toMatchObject({ ok: false, code: "invalid" });
  });

  it("answers the same for unknown emails and sends nothing", async () => {
    const before = received.length;
    expect(await requestPasswordReset(t.db, mailer(), { email: "nobody@makerspace.local" })).toEqual({ ok: true });
    expect(received.length).toBe(before);
  });

  it("refuses expired tokens", async () => {
    const anHourAgo = new Date(Date.now() - 61 * 60_000);
    await requestPasswordReset(t.db, mailer(), { email: "maria@makerspace.local" }, anHourAgo);
    const token = tokenIn(received.at(-1)!.raw)!;
    expect(await consumePasswordReset(t.db, { token, newPassword: "brand-new-password" })).toMatchObject({ ok: false, code: "invalid_token" });
  });

  it("writes the mail in the person's language", async () => {
    const { profiles, accounts } = await import("@/lib/db/schema");
    const [acc] = await t.db.select().from(accounts).where(eq(accounts.email, "trainer@makerspace.local"));
    await t.db.update(profiles).set({ preferredLanguage: "de" }).where(eq(profiles.personId, acc!.personId));
    await requestPasswordReset(t.db, mailer(), { email: "trainer@makerspace.local" });
    expect(received.at(-1)!.raw).toMatch(/Subject: Dein neues Makerspace-Passwort|Subject: =\?UTF-8\?/);
  });
});
