import type { Db } from "@/lib/db/client";
import { authenticateWithPassword } from "@/lib/domain/auth/authenticate";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import type { Inbox, InboxOptions } from "@/lib/domain/mail/testing/smtp-inbox";
import { createPerson } from "../create-person";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";

/** A person as an import leaves them: a profile with an email (or none), a member number, no login. */
export async function newcomer(db: Db, email: string | undefined, extra: { preferredLanguage?: string; statusKey?: string } = {}): Promise<number> {
  const created = await createPerson(db, {
    statusKey: extra.statusKey ?? "member",
    firstName: "New",
    lastName: email ?? "nobody",
    email,
    preferredLanguage: extra.preferredLanguage,
    assignMemberNumber: true,
  });
  return created.personId;
}

/** The mails the inbox received for one address, oldest first. */
export const mailsTo = (inbox: Inbox, address: string) => inbox.mails.filter((m) => m.to.includes(address));

/**
 * The setup the tests of people without a login share (invitations, the bulk invitation, login requests): the people
 * fixture and a mail inbox, made before the file's tests and closed after; newcomers, the mails to an address and a
 * password login on them. Call it at the top of the file and read its fields inside tests; the helpers may be taken
 * apart at once.
 */
export function newcomersWithInbox(inboxOptions?: InboxOptions) {
  let made: { fixture: DemoDatabase; inbox: Inbox } | null = null;
  databaseWithInbox(
    createDemoDatabase,
    (fixture, inbox) => {
      made = { fixture, inbox };
    },
    inboxOptions,
  );
  const ready = () => {
    if (!made) throw new Error("The fixture is made before the tests: use it inside a test or a hook.");
    return made;
  };
  const limits = { maxPerAccount: 50, maxPerIp: 50, windowMinutes: 15 };
  return {
    get db(): Db {
      return ready().fixture.db;
    },
    /** Person ids of the demo accounts (admin, trainer, member, maria, applicant). */
    get ids(): DemoDatabase["ids"] {
      return ready().fixture.ids;
    },
    get inbox(): Inbox {
      return ready().inbox;
    },
    newcomer: (email: string | undefined, extra?: { preferredLanguage?: string; statusKey?: string }) => newcomer(ready().fixture.db, email, extra),
    mailsTo: (address: string) => mailsTo(ready().inbox, address),
    /** A password login from one address, with limits no test reaches. */
    login: (email: string, password: string) => authenticateWithPassword(ready().fixture.db, { email, password, ip: "192.0.2.1" }, limits),
  };
}
