import type { CurrentUser } from "@/lib/auth/current-user";
import { seesMembersOnly } from "@/lib/domain/access/members-only";
import { upcomingEvents } from "@/lib/domain/calendar/calendar-queries";
import { nextTrainingOf, openLoansOf } from "@/lib/domain/community/member-widgets";
import { listNews } from "@/lib/domain/community/news";
import { openSince } from "@/lib/domain/community/open-status";
import { loadDashboard } from "@/lib/domain/machines/dashboard";
import { getDb } from "./db";

/**
 * What each start-page widget shows. The page hands every widget its own loader, which the widget calls inside its
 * guard: one slow widget streams in later, one broken widget shows a note, and no component queries the database.
 */
export const startWidgetData = {
  openStatus: () => openSince(getDb()),
  events: (user: CurrentUser | null) => upcomingEvents(getDb(), { limit: 5, includeMembersOnly: seesMembersOnly(user) }),
  // The dashboard's own states and counts: a machine whose board is silent is offline here too.
  machines: () => loadDashboard(getDb()),
  news: (user: CurrentUser | null) => listNews(getDb(), user, 5),
  training: (personId: number) => nextTrainingOf(getDb(), personId),
  loans: (personId: number) => openLoansOf(getDb(), personId),
};

/** A widget's loader, as the page hands it over. */
export type WidgetLoad<K extends keyof typeof startWidgetData> = () => ReturnType<(typeof startWidgetData)[K]>;
