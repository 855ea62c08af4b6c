"use server";

import { z } from "zod";
import { acceptFlaggedSession } from "@/lib/domain/machines/flagged-usage";
import { defineAction } from "@/lib/web/action";
import { deleteUsageSessionSpec } from "@/lib/web/delete-record-actions";

const PAGE = ["/admin/equipment/machines/[id]/operations", "page"] as const;

/** Accepts a flagged session (bound: its id): it counts from now on. The domain checks who may and audits it. */
export const acceptFlaggedSessionAction = defineAction({
  caller: "user",
  input: z.object({}),
  bound: z.tuple([z.number().int().positive()]),
  refusals: "mach.flagged.error",
  revalidate: [PAGE],
  async run({ actor, db, t }, id) {
    const done = await acceptFlaggedSession(db, actor.personId, id);
    return done.ok ? { ok: true, message: t("mach.flagged.accepted") } : done;
  },
});

/** Deletes a flagged session with a reason (bound: its id), as any usage session is deleted. */
export const deleteFlaggedSessionAction = defineAction(deleteUsageSessionSpec(PAGE));
