import type { Db } from "@/lib/db/client";
import { createPerson } from "../create-person";
import type { Inbox } from "@/lib/domain/mail/testing/smtp-inbox";

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
