import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { importLinks } from "@/lib/db/schema";
import { recordAudit } from "../../audit/record-audit";
import { loadSpaceSettings } from "../../settings/space-settings";
import { fail, type Result } from "../../usage/result";
import { actorMay } from "../../shared/actor-may";
import { applyAuthorizations, applyPeople, applyTypesAndMachines, type ApplyContext } from "./apply-core";
import { applyMachineRecords, applySessions } from "./apply-history";
import { LinkWriter, Refs } from "./apply-support";
import { planAuthorizations, planEquipment } from "./plan-equipment";
import { planHistory } from "./plan-history";
import { planPeople } from "./plan-people";
import { sessionBatches } from "./plan-uses";
import type { ImportPlan, PlanContext } from "./plan-types";
import { ReportBuilder, type ImportReport } from "./report";
import { FabSourceError, readFabomaticFile, type FabSource } from "./source";
import { chunks, loadTargetState, SOURCE, type TargetState } from "./target-state";

export interface FabImportInput {
  bytes: Uint8Array;
  fileName?: string;
  now?: Date;
}

export type FabImportFailure = "forbidden" | "not_sqlite" | "not_fabomatic";

interface Prepared {
  plan: ImportPlan;
  ctx: PlanContext;
  source: FabSource;
  state: TargetState;
}

/** Reads the file and decides every write against what is here now, except the usage history (sessionBatches). */
async function prepareImport(db: Db, input: FabImportInput): Promise<Prepared> {
  const source = await readFabomaticFile(input.bytes);
  const now = input.now ?? new Date();
  const state = await loadTargetState(db, source);
  const ctx: PlanContext = { state, report: new ReportBuilder(), now, present: { types: new Set(), machines: new Set(), users: new Set() } };
  const plan: ImportPlan = {
    now,
    ensureSuspendedStatus: false,
    types: [],
    machines: [],
    people: [],
    grants: [],
    revokes: [],
    plans: [],
    interventions: [],
    boards: [],
    unknownCards: [],
  };
  const byMachine = planEquipment(ctx, source, plan);
  planPeople(ctx, source, plan);
  planAuthorizations(ctx, source, byMachine, plan);
  planHistory(ctx, source, plan);
  const needsSuspended = plan.people.some((op) => op.values.statusKey === "suspended");
  if (needsSuspended && !state.statuses.has("suspended")) {
    plan.ensureSuspendedStatus = true;
    ctx.report.note("user", "suspended", "Suspended", "status_created");
  }
  return { plan, ctx, source, state };
}

/** The dry run: what the import would create, update, skip, and where it conflicts with what is here. Writes nothing. */
export async function dryRunFabomaticImport(db: Db, input: FabImportInput): Promise<Result<{ report: ImportReport }, FabImportFailure>> {
  try {
    const { ctx, source } = await prepareImport(db, input);
    for (const _batch of sessionBatches(ctx, source)) {
      // counted while decided
    }
    return { ok: true, report: ctx.report.finish() };
  } catch (error) {
    if (error instanceof FabSourceError) return fail(error.code, error.message);
    throw error;
  }
}

/**
 * The import, in one transaction, audited as one entry with its counts. `actorId` null is the command line (it
 * has the database anyway); a person needs system.admin, since the file can make people administrators.
 * Idempotent: the same file again changes nothing; a newer file changes what changed in it.
 */
export async function applyFabomaticImport(
  db: Db,
  actorId: number | null,
  input: FabImportInput,
): Promise<Result<{ report: ImportReport; createdMachineIds: number[] }, FabImportFailure>> {
  if (actorId !== null && !(await actorMay(db, actorId, "system.admin"))) return fail("forbidden", "Only an administrator may import a Fab-O-Matic database.");
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const defaultLanguage = (await loadSpaceSettings(db)).defaultLanguage;
  try {
    return await db.transaction(async (tx) => {
      const prepared = await prepareImport(tx, input);
      const { plan, state } = prepared;
      const ctx: ApplyContext = { tx, plan, refs: new Refs(state), links: new LinkWriter(plan.now), actorId, defaultLanguage };
      const createdMachineIds = await applyTypesAndMachines(ctx);
      const createdPersonIds = await applyPeople(ctx);
      await applyAuthorizations(ctx);
      await applyMachineRecords(ctx);
      for (const chunk of chunks(plan.revokes.map((r) => r.sourceId))) {
        await tx.delete(importLinks).where(and(eq(importLinks.source, SOURCE), eq(importLinks.kind, "authorization"), inArray(importLinks.sourceId, chunk)));
      }
      await ctx.links.flush(tx);
      for (const batch of sessionBatches(prepared.ctx, prepared.source)) {
        await applySessions(ctx, batch);
        await ctx.links.flush(tx);
      }
      const report = prepared.ctx.report.finish();
      report.createdPersonIds = createdPersonIds;
      // The same file again: nothing was written, and no audit entry either.
      if (report.nothingToDo) return { ok: true as const, report, createdMachineIds };
      await recordAudit(tx, {
        actorId,
        changeType: "import.fabomatic",
        entity: "import",
        entityId: sha256.slice(0, 16),
        after: {
          fileName: input.fileName ?? null,
          sha256,
          counts: report.counts,
          conflicts: report.conflicts.length,
          via: actorId === null ? "command line" : "web",
        },
      });
      return { ok: true as const, report, createdMachineIds };
    });
  } catch (error) {
    if (error instanceof FabSourceError) return fail(error.code, error.message);
    throw error;
  }
}
