import { and, count, eq, or } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { perDb } from "@/lib/db/prepared";
import { applicantConfirmations, membershipStatuses, people, profiles } from "@/lib/db/schema";
import { scopeCondition, type ViewScope } from "../access/view-rights";
import { spaceToday } from "../settings/space-today";
import { pendingApplication } from "./applicant-signup";
import { confirmedLoginRequest } from "./login-requests";

/**
 * How many wait for the board on the applicants page: confirmed applications (listPendingApplicants) and login
 * requests (listLoginRequests), as those lists count them, in one query (the people list's link shows the number).
 */
export async function countWaitingApplications(db: Db, scope: ViewScope, now = new Date()): Promise<number> {
  // Only those within the viewer's view rights, as the lists show them: a narrowed desk learns nothing about the
  // others (the prepared statement for a viewer who sees every group).
  const [row] = scope.all
    ? await waiting(db).execute()
    : await waitingFrom(db).where(and(or(pendingApplication, confirmedLoginRequest), scopeCondition(scope, await spaceToday(db, now))));
  return row?.n ?? 0;
}

const waitingFrom = (db: Db) =>
  db
    .select({ n: count() })
    .from(applicantConfirmations)
    .innerJoin(people, eq(people.id, applicantConfirmations.personId))
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .innerJoin(profiles, eq(profiles.personId, people.id));

// Prepared once per handle: the people list shows the number on every request.
const waiting = perDb((db) => waitingFrom(db).where(or(pendingApplication, confirmedLoginRequest)).prepare("count_waiting_applications"));
