import { cache } from "react";
import { getSessionPerson, type SessionPerson } from "@/lib/domain/auth/session-person";
import { getDb } from "@/lib/web/db";
import { auth } from "./config";

export type CurrentUser = SessionPerson;

/** The logged-in person with their permissions, looked up once per request however many components ask. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const personId = Number(session?.user?.id);
  if (!Number.isSafeInteger(personId) || personId <= 0) return null;
  return getSessionPerson(getDb(), personId, session?.sessionVersion ?? 0);
});

/** When the current session's person logged in, or null (nobody, or a session from before login times were kept). */
export const getAuthTime = cache(async (): Promise<Date | null> => {
  const session = await auth();
  return typeof session?.authTime === "number" ? new Date(session.authTime * 1000) : null;
});
