"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { setWeeklyAnnouncement } from "@/lib/domain/calendar/announcements";
import { regenerateFeedToken, revokeFeedToken } from "@/lib/domain/calendar/feed-tokens";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { publicLink } from "@/lib/domain/settings/public-link";

/** The new URL is shown once in the answer; only its hash is stored. */
export async function regenerateFeedAction(_prev: ActionResult | null): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("evf.error.forbidden") };
  const token = await regenerateFeedToken(getDb(), user.personId);
  revalidatePath("/calendar/feed");
  const [feed, room] = await Promise.all([publicLink(getDb(), `/feeds/${token}/calendar.ics`), publicLink(getDb(), `/feeds/${token}/rooms/N/calendar.ics`)]);
  return { ok: true, message: `${t("feed.shownOnce")} ${feed} ${t("feed.roomHint", { url: room })}` };
}

export async function revokeFeedAction(_prev: ActionResult | null): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("evf.error.forbidden") };
  await revokeFeedToken(getDb(), user.personId);
  revalidatePath("/calendar/feed");
  return { ok: true, message: t("feed.revoked") };
}

export async function weeklyAction(enabled: boolean, _prev: ActionResult | null): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("evf.error.forbidden") };
  await setWeeklyAnnouncement(getDb(), user.personId, enabled);
  revalidatePath("/calendar/feed");
  return { ok: true, message: t(enabled ? "feed.weekly.on" : "feed.weekly.off") };
}
