"use server";

import { defineAction } from "@/lib/web/action";
import { deleteUsageSessionSpec } from "@/lib/web/delete-record-actions";

/** Deletes one session with a reason (bound: its id); the domain checks who may and audits it. */
export const deleteUsageSessionAction = defineAction(deleteUsageSessionSpec("/admin/usage"));
