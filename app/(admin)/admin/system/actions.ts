"use server";

import os from "node:os";
import { after } from "next/server";
import { z } from "zod";
import { env } from "@/lib/env";
import { appVersion } from "@/lib/ops/app-version";
import { backupJob } from "@/lib/ops/jobs/backup-job";
import { claimRunNow, runClaimedNow } from "@/lib/ops/jobs/run-now";
import { defineAction } from "@/lib/web/action";
import { getLogger } from "@/lib/web/logger";

/**
 * "Back up now": the backup job of the job system, claimed so only one runs at a time, run after the answer (the
 * page follows its progress). The file is a manual backup beside the daily ones, pruned by the same retention.
 */
export const backupNowAction = defineAction({
  caller: "system.admin",
  input: z.object({}),
  refusals: (_r: { code: string }, t) => t("system.backupNow.running"),
  revalidate: ["/admin/system"],
  async run({ actor, db, t }) {
    const now = new Date();
    if (!(await claimRunNow(db, "backup", `web@${os.hostname()}`, now))) return { ok: false, code: "already_running", message: "" };
    const job = backupJob({ db, dataDir: env().DATA_DIR, appVersion: appVersion() });
    after(async () => {
      const result = await runClaimedNow(db, job, now);
      const log = getLogger();
      if (result.outcome === "ok") log.info({ detail: result.detail, by: actor.personId }, "backup now: done");
      else log.error({ detail: result.detail, by: actor.personId }, "backup now: failed");
    });
    return { ok: true, message: t("system.backupNow.started") };
  },
});
