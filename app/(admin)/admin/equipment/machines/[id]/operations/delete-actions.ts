"use server";

import { defineAction } from "@/lib/web/action";
import { deleteInterventionSpec } from "@/lib/web/delete-record-actions";

/** Deletes one maintenance intervention with a reason (bound: its id); the domain checks who may and audits it. */
export const deleteInterventionAction = defineAction(deleteInterventionSpec(["/admin/equipment/machines/[id]/operations", "page"]));
