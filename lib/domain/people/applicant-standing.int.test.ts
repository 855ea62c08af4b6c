import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { applicantConfirmations } from "@/lib/db/schema";
import { authenticateWithPassword } from "../auth/authenticate";
import { takeMailFormAttempt } from "../auth/mail-limits";
import { confirmApplicant, rejectApplicant, resendApplicantConfirmation, signUpApplicant } from "./applicant-signup";
import { unfold, type Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";

let t: DemoDatabase;
let inbox: Inbox;
databaseWithInbox(createDemoDatabase, (database, mail) => {
  t = database;
  inbox = mail;
});

const limits = { maxPerAccount: 50, maxPerIp: 50, windowMinutes: 15 };
const tokenIn = (raw: string) => unfold(raw).match(/signup\/confirm\?token=([A-Za-z0-9_-]+)/)![1]!;
const mailsTo = (address: string) => inbox.mails.filter((m) => m.to.includes(address));

describe("applicants know where they stand", () => {
  it("an unconfirmed applicant is told to confirm (only with the right password), gets a new link in their language, and the old one dies", async () => {
    const password = "a-long-password-1";
    const signed = await signUpApplicant(t.db, inbox.mailer, {
      firstName: "Lena",
      lastName: "Lang",
      email: "lena@example.org",
      password,
      preferredLanguage: "de",
    });
    if (!signed.ok || signed.personId === null) throw new Error("sign-up failed");
    const first = tokenIn(mailsTo("lena@example.org").at(-1)!.raw);
    const login = (pw: string) => authenticateWithPassword(t.db, { email: "lena@example.org", password: pw, ip: "10.0.0.9" }, limits);

    expect(await login(password)).toMatchObject({ ok: false, code: "unconfirmed" });
    // A wrong password learns nothing about the account.
    expect(await login("not-the-password")).toMatchObject({ ok: false, code: "invalid" });

    // The link ran out; she asks for a new one and gets it in German.
    await t.db
      .update(applicantConfirmations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(applicantConfirmations.personId, signed.personId));
    const before = mailsTo("lena@example.org").length;
    expect(await resendApplicantConfirmation(t.db, inbox.mailer, "LENA@example.org")).toEqual({ ok: true });
    const again = mailsTo("lena@example.org");
    expect(again).toHaveLength(before + 1);
    expect(unfold(again.at(-1)!.raw)).toContain("Hallo Lena");
    const second = tokenIn(again.at(-1)!.raw);
    expect(second).not.toBe(first);
    expect(await confirmApplicant(t.db, first)).toMatchObject({ ok: false, code: "invalid_token" });
    expect(await confirmApplicant(t.db, second)).toMatchObject({ ok: true, personId: signed.personId });
    expect(await login(password)).toMatchObject({ ok: true });

    // Confirmed: no more links.
    await resendApplicantConfirmation(t.db, inbox.mailer, "lena@example.org");
    expect(mailsTo("lena@example.org")).toHaveLength(before + 1);
  });

  it("sends nothing for unknown addresses, members or rejected applicants, with the same answer", async () => {
    const before = inbox.mails.length;
    expect(await resendApplicantConfirmation(t.db, inbox.mailer, "nobody@example.org")).toEqual({ ok: true });
    expect(await resendApplicantConfirmation(t.db, inbox.mailer, "member@makerspace.local")).toEqual({ ok: true });
    const signed = await signUpApplicant(t.db, inbox.mailer, { firstName: "Rita", lastName: "Rej", email: "rita@example.org", password: "a-long-password-1" });
    if (!signed.ok || signed.personId === null) throw new Error("sign-up failed");
    expect(await rejectApplicant(t.db, t.ids.admin, signed.personId, "Duplicate application")).toMatchObject({ ok: true });
    const afterSignup = inbox.mails.length;
    expect(await resendApplicantConfirmation(t.db, inbox.mailer, "rita@example.org")).toEqual({ ok: true });
    expect(inbox.mails.length).toBe(afterSignup);
    expect(afterSignup).toBeGreaterThan(before);
    expect(await authenticateWithPassword(t.db, { email: "rita@example.org", password: "a-long-password-1", ip: "10.0.0.9" }, limits)).toMatchObject({
      ok: false,
      code: "not_allowed",
    });
  });

  it("asking again is limited per address (the action takes the same mail-form limit as the sign-up)", async () => {
    const tight = { perAddress: { max: 2, windowMinutes: 60 }, perSource: { max: 100, windowMinutes: 60 } };
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await takeMailFormAttempt(t.db, "signup", "flood@example.org", "10.1.2.3", tight));
    expect(results).toEqual([true, true, false]);
  });
});
