"use server";

import { z } from "zod";
import { setBoardCredentials } from "@/lib/domain/usage/board-credentials";
import { requestRemoteCommand } from "@/lib/domain/usage/machine-commands";
import { defineAction } from "@/lib/web/action";
import { int, text } from "@/lib/web/form-data";

// Who may, and whether the card's holder may use the machine, is decided in the domain calls.
const id = z.number().int().positive();
// A refusal in the machines' words; a card UID's (malformed, missing) beside its field; "invalid" is a stale page.
const refusals = "mach.error";
const revalidate = [["/(admin)/admin/equipment/machines/[id]/operations", "page"]] as const;

/** Remote start/stop of a machine. */
export const remoteCommandAction = defineAction({
  caller: "user",
  input: z.object({ machineId: id, kind: z.enum(["start", "stop"]), uid: z.string().trim().max(32) }),
  read: (formData) => ({ machineId: int(formData, "machineId"), kind: text(formData, "kind"), uid: text(formData, "uid") }),
  labels: { uid: "mach.remote.uid" },
  refusals,
  revalidate,
  async run({ actor, db, t, input: { machineId, kind, uid } }) {
    const sent = await requestRemoteCommand(db, actor.personId, { machineId, kind, uid: uid || undefined });
    return sent.ok ? { ok: true, message: t(kind === "start" ? "mach.remote.started" : "mach.remote.stopped") } : sent;
  },
});

/** Sets or rotates the board login; the new password is in the answer once and nowhere else. */
export const boardCredentialsAction = defineAction({
  caller: "user",
  input: z.object({ machineId: id, username: z.string().trim().max(64) }),
  read: (formData) => ({ machineId: int(formData, "machineId"), username: text(formData, "username") }),
  labels: { username: "mach.credentials.username" },
  refusals,
  refusalFields: { invalid: "username" },
  revalidate,
  async run({ actor, db, t, input }) {
    const set = await setBoardCredentials(db, actor.personId, { machineId: input.machineId, username: input.username || undefined });
    return set.ok ? { ok: true, message: t("mach.credentials.shownOnce", { username: set.username }), secret: set.password } : set;
  },
});
