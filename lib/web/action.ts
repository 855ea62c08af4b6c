import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getT } from "@/lib/i18n/server";
import { createAction, type ActionSpec, type Caller, type FormAction, type Refusal } from "./action-pipeline";
import { getDb } from "./db";

/**
 * A server action through the one pipeline (see action-pipeline.ts). In a route's actions.ts ("use server"):
 *   export const createLocationAction = defineAction({ caller: "user", input: locationInput, run: …, refusals: "inv.error" });
 */
export function defineAction<C extends Caller, S extends z.ZodType, B extends unknown[] = [], R extends Refusal<D> = Refusal<never>, D = unknown>(
  spec: ActionSpec<C, S, B, R, D>,
): FormAction<B, D> {
  return createAction(spec, {
    currentUser: getCurrentUser,
    translator: getT,
    db: getDb,
    revalidate: (path, type) => revalidatePath(path, type),
    redirect: (path) => redirect(path),
  });
}
