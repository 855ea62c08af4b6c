"use server";

import { z } from "zod";
import { deleteBookable, saveBookable } from "@/lib/domain/calendar/rooms-resources";
import { oneLineName } from "@/lib/domain/shared/one-line-name";
import type { Translate } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { text } from "@/lib/web/form-data";

// Who may (calendar.write) and what a room must be is decided in the domain calls.
const kind = z.enum(["room", "resource"]);
const refusals = (r: { code: string; message: string }, t: Translate) =>
  r.code === "forbidden" ? t("evf.error.forbidden") : t("rooms.error", { detail: r.message });

export const saveBookableAction = defineAction({
  caller: "user",
  input: z.object({ name: oneLineName(120), description: z.string(), machineId: z.string() }),
  read: (formData) => ({ name: text(formData, "name"), description: text(formData, "description"), machineId: text(formData, "machineId") }),
  bound: z.tuple([kind, z.number().int().positive().nullable()]),
  labels: { name: "rooms.name", description: "rooms.description", machineId: "rooms.machine" },
  refusals,
  revalidate: ["/admin/rooms"],
  async run({ actor, db, t, input }, bookableKind, id) {
    const saved = await saveBookable(db, actor.personId, bookableKind, { ...input, machineId: input.machineId || null }, id ?? undefined);
    return saved.ok ? { ok: true, message: t("rooms.saved") } : saved;
  },
});

export const deleteBookableAction = defineAction({
  caller: "user",
  input: z.object({}),
  bound: z.tuple([kind, z.number().int().positive()]),
  refusals,
  revalidate: ["/admin/rooms"],
  async run({ actor, db, t }, bookableKind, id) {
    const deleted = await deleteBookable(db, actor.personId, bookableKind, id);
    return deleted.ok ? { ok: true, message: t("rooms.deleted") } : deleted;
  },
});
