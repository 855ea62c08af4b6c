"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/current-user";
import { setWeeklyAnnouncement } from "@/lib/domain/calendar/announcements";
import { regenerateFeedToken, revokeFeedToken } from "@/lib/domain/calendar/feed-tokens";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { publicOrigin } from "@/lib/web/request-info";

/** The new URL is shown once in the answer; only its hash is stored. */
export async function regenerateFeedAction(_prev: ActionResult | null): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("evf.error.forbidden") };
  const token = await regenerateFeedToken(getDb(), user.personId);
  revalidatePath("/calendar/feed");
  const origin = publicOrigin(await headers());
  return { ok: true, message: `${t("feed.shownOnce")} ${origin}/feeds/${token}/calendar.ics ${t("feed.roomHint", { url: `${origin}/feeds/${token}/rooms/N/calendar.ics` })}` };
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
