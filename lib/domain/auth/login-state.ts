import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { perDb } from "@/lib/db/prepared";
import { accounts, invitations } from "@/lib/db/schema";

/** What the person page shows: a login, a pending invitation (until when), an expired one, or nothing. */
export type LoginState =
  | { kind: "login"; email: string }
  | { kind: "invited"; email: string; sentAt: Date; expiresAt: Date }
  | { kind: "expired"; email: string; sentAt: Date }
  | { kind: "none" };
/** The person page's "can this person log in?" answer. */
const loginStatements = perDb((db) => ({
  account: db
    .select({ email: accounts.email })
    .from(accounts)
    .where(eq(accounts.personId, sql.placeholder("personId")))
    .prepare("login_of"),
  latest: db
    .select()
    .from(invitations)
    .where(and(eq(invitations.personId, sql.placeholder("personId")), isNull(invitations.revokedAt), isNull(invitations.usedAt)))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(1)
    .prepare("latest_invitation"),
}));

export async function loginStateOf(db: Db, personId: number, now = new Date()): Promise<LoginState> {
  // Both asked at once (prepared, one round trip each; the person page asks on every request).
  const statements = loginStatements(db);
  const [[account], [latest]] = await Promise.all([statements.account.execute({ personId }), statements.latest.execute({ personId })]);
  if (account) return { kind: "login", email: account.email };
  if (!latest) return { kind: "none" };
  if (latest.expiresAt > now) return { kind: "invited", email: latest.email, sentAt: latest.createdAt, expiresAt: latest.expiresAt };
  return { kind: "expired", email: latest.email, sentAt: latest.createdAt };
}
