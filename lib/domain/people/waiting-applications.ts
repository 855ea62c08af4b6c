import { count, eq, or } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { applicantConfirmations, membershipStatuses, people, profiles } from "@/lib/db/schema";
import { pendingApplication } from "./applicant-signup";
import { confirmedLoginRequest } from "./login-requests";

/**
 * How many wait for the board on the applicants page: confirmed applications (listPendingApplicants) and login
 * requests (listLoginRequests), as those lists count them, in one query (the people list's link shows the number).
 */
export async function countWaitingApplications(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(applicantConfirmations)
    .innerJoin(people, eq(people.id, applicantConfirmations.personId))
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .innerJoin(profiles, eq(profiles.personId, people.id))
    .where(or(pendingApplication, confirmedLoginRequest));
  return row?.n ?? 0;
}
