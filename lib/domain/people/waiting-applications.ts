import { count, eq, or } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { perDb } from "@/lib/db/prepared";
import { applicantConfirmations, membershipStatuses, people, profiles } from "@/lib/db/schema";
import { pendingApplication } from "./applicant-signup";
import { confirmedLoginRequest } from "./login-requests";

/**
 * How many wait for the board on the applicants page: confirmed applications (listPendingApplicants) and login
 * requests (listLoginRequests), as those lists count them, in one query (the people list's link shows the number).
 */
export async function countWaitingApplications(db: Db): Promise<number> {
  const [row] = await waiting(db).execute();
  return row?.n ?? 0;
}

// Prepared once per handle: the people list shows the number on every request.
const waiting = perDb((db) =>
  db
    .select({ n: count() })
    .from(applicantConfirmations)
    .innerJoin(people, eq(people.id, applicantConfirmations.personId))
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .innerJoin(profiles, eq(profiles.personId, people.id))
    .where(or(pendingApplication, confirmedLoginRequest))
    .prepare("count_waiting_applications"),
);
