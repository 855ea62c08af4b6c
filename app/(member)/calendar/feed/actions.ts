"use server";

import { z } from "zod";
import { setWeeklyAnnouncement } from "@/lib/domain/calendar/announcements";
import { regenerateFeedToken, revokeFeedToken } from "@/lib/domain/calendar/feed-tokens";
import { publicLink } from "@/lib/domain/settings/public-link";
import { defineAction } from "@/lib/web/action";

// Each acts on the logged-in person's own feed; nothing here can be refused once they are logged in.
const own = { caller: "user", input: z.object({}), refusals: "evf.error", revalidate: ["/calendar/feed"] } as const;

/** The new address is in the answer once (SecretOnceForm shows it); only its token's hash is stored. */
export const regenerateFeedAction = defineAction({
  ...own,
  async run({ actor, db, t }) {
    const token = await regenerateFeedToken(db, actor.personId);
    return { ok: true, message: t("feed.shownOnce"), secret: await publicLink(db, `/feeds/${token}/calendar.ics`) };
  },
});

export const revokeFeedAction = defineAction({
  ...own,
  async run({ actor, db, t }) {
    await revokeFeedToken(db, actor.personId);
    return { ok: true, message: t("feed.revoked") };
  },
});

export const weeklyAction = defineAction({
  ...own,
  bound: z.tuple([z.boolean()]),
  async run({ actor, db, t }, enabled) {
    await setWeeklyAnnouncement(db, actor.personId, enabled);
    return { ok: true, message: t(enabled ? "feed.weekly.on" : "feed.weekly.off") };
  },
});
