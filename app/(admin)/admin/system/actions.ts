"use server";

import os from "node:os";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { userWithPermission } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { getT } from "@/lib/i18n/server";
import { appVersion } from "@/lib/ops/app-version";
import { backupJob } from "@/lib/ops/jobs/backup-job";
import { claimRunNow, runClaimedNow } from "@/lib/ops/jobs/run-now";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { getLogger } from "@/lib/web/logger";

/**
 * "Back up now": the backup job of the job system, claimed so only one runs at a time, run after the answer (the
 * page follows its progress). The file is a manual backup beside the daily ones, pruned by the same retention.
 */
export async function backupNowAction(_previous: ActionResult | null, _formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const user = await userWithPermission("system.admin");
  if (!user) return { ok: false, code: "forbidden", message: t("system.backupNow.forbidden") };
  const db = getDb();
  const now = new Date();
  if (!(await claimRunNow(db, "backup", `web@${os.hostname()}`, now))) {
    return { ok: false, code: "already_running", message: t("system.backupNow.running") };
  }
  const job = backupJob({ db, dataDir: env().DATA_DIR, appVersion: appVersion() });
  after(async () => {
    const result = await runClaimedNow(db, job, now);
    const log = getLogger();
    if (result.outcome === "ok") log.info({ detail: result.detail, by: user.personId }, "backup now: done");
    else log.error({ detail: result.detail, by: user.personId }, "backup now: failed");
  });
  revalidatePath("/admin/system");
  return { ok: true, message: t("system.backupNow.started") };
}
