import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invitations } from "@/lib/db/schema";
import { FULL_SCOPE } from "../access/view-rights";
import { newcomersWithInbox } from "../people/testing/newcomer";
import { unfold } from "@/lib/domain/mail/testing/smtp-inbox";
import { invitePerson } from "./invitation-send";
import { loginStateOf } from "./login-state";
import { countWithoutLogin, inviteEveryoneWithoutLogin, type BulkInviteReport } from "./invite-everyone";

const t = newcomersWithInbox({ reject: ["bounces@example.org"] });
const { newcomer, mailsTo } = t;

describe("invite everyone without a login", () => {
  it("sends in batches with a report; a mail server refusing one address fails that one only", async () => {
    const pending = await newcomer("pending@example.org");
    await invitePerson(t.db, t.inbox.mailer, t.ids.admin, pending);
    const ids = {
      ok1: await newcomer("bulk1@example.org"),
      ok2: await newcomer("bulk2@example.org", { preferredLanguage: "de" }),
      bounce: await newcomer("bounces@example.org"),
      none: await newcomer(undefined),
    };
    const before = await countWithoutLogin(t.db, {}, FULL_SCOPE);
    expect(before.pending).toBeGreaterThanOrEqual(1);
    expect(await inviteEveryoneWithoutLogin(t.db, t.inbox.mailer, t.ids.member, {})).toMatchObject({ ok: false, code: "forbidden" });

    const total: BulkInviteReport = { sent: 0, skippedNoEmail: 0, skippedPending: 0, skippedAbove: 0, failed: [] };
    let cursor = 0;
    let steps = 0;
    for (;;) {
      const step = await inviteEveryoneWithoutLogin(t.db, t.inbox.mailer, t.ids.admin, {}, cursor, 2);
      if (!step.ok) throw new Error(step.message);
      steps++;
      total.sent += step.report.sent;
      total.skippedNoEmail += step.report.skippedNoEmail;
      total.skippedPending += step.report.skippedPending;
      total.skippedAbove += step.report.skippedAbove;
      total.failed.push(...step.report.failed);
      cursor = step.cursor;
      if (step.done) break;
      expect(step.remaining).toBeGreaterThan(0);
    }
    expect(steps).toBeGreaterThan(1);
    expect(total.failed).toEqual([{ personId: ids.bounce, email: "bounces@example.org" }]);
    expect(total.sent + total.skippedNoEmail + total.skippedPending + total.skippedAbove + total.failed.length).toBe(before.total);
    expect(total.sent).toBe(before.withEmail - before.pending - 1);
    expect(total.skippedPending).toBe(before.pending);
    for (const address of ["bulk1@example.org", "bulk2@example.org"]) expect(mailsTo(address), address).toHaveLength(1);
    expect(unfold(mailsTo("bulk2@example.org")[0]!.raw)).toContain("Passwort festlegen");
    expect(mailsTo("pending@example.org")).toHaveLength(1);
    // Nobody holds a link the mail server never took: the failed one shows as not invited.
    expect(await loginStateOf(t.db, ids.bounce)).toEqual({ kind: "none" });
    expect(await loginStateOf(t.db, ids.ok1)).toMatchObject({ kind: "invited" });
    // Everyone is invited now: a second run sends nothing.
    const again = await inviteEveryoneWithoutLogin(t.db, t.inbox.mailer, t.ids.admin, {}, 0, 1000);
    expect(again).toMatchObject({ ok: true, done: true, report: { sent: 0 } });
    expect(await t.db.select().from(invitations).where(eq(invitations.personId, ids.none))).toEqual([]);
  });
});
