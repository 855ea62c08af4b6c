"use server";

import { z } from "zod";
import { nameShownTo } from "@/lib/domain/people/shown-names";
import { attendanceInput, recordAttendance } from "@/lib/domain/training/attendance-service";
import { editSession, sessionEditInput } from "@/lib/domain/training/session-edit";
import { cancelSession, scheduleSession, sessionInput } from "@/lib/domain/training/session-service";
import { parseLocalDateTime } from "@/lib/time";
import { defineAction } from "@/lib/web/action";
import { int, text } from "@/lib/web/form-data";
import { getMailer } from "@/lib/web/mailer";
import { getSpace } from "@/lib/web/space";
import { trainingRefusal } from "@/lib/web/training-refusal";

// Who may (a trainer of the type) is decided in the domain calls.
const revalidate = [["/training", "layout"], "/equipment"] as const;
const labels = {
  equipmentTypeId: "tr.f.type",
  level: "tr.f.level",
  startsAt: "tr.f.starts",
  endsAt: "tr.f.ends",
  room: "tr.f.room",
  capacity: "tr.f.capacity",
  notes: "tr.f.notes",
} as const;
const issueMessages = { "The session must end after it starts.": "tr.error.endsBeforeStart" } as const;

/** Times arrive as the space's local time (its saved zone) from datetime-local fields. */
async function timesOf(formData: FormData) {
  const zone = (await getSpace()).timeZone;
  return { startsAt: parseLocalDateTime(text(formData, "startsAt"), zone), endsAt: parseLocalDateTime(text(formData, "endsAt"), zone) };
}

export const scheduleSessionAction = defineAction({
  caller: "user",
  input: sessionInput,
  read: async (formData) => ({
    equipmentTypeId: int(formData, "equipmentTypeId"),
    level: text(formData, "level"),
    ...(await timesOf(formData)),
    room: text(formData, "room"),
    capacity: int(formData, "capacity"),
    notes: text(formData, "notes"),
    coTrainerIds: formData.getAll("coTrainerIds").map((v) => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : Number.NaN)),
  }),
  labels,
  issueMessages,
  refusals: trainingRefusal,
  revalidate,
  async run({ actor, db, input }) {
    const scheduled = await scheduleSession(db, actor.personId, input);
    return scheduled.ok ? { ok: true, redirect: `/training/sessions/${scheduled.id}` } : scheduled;
  },
});

export const markAttendanceAction = defineAction({
  caller: "user",
  input: attendanceInput,
  read: (formData) => ({ signupId: int(formData, "signupId"), attendance: text(formData, "attendance") }),
  labels: { attendance: "tr.att.field" },
  refusals: trainingRefusal,
  revalidate: [...revalidate, ["/admin/equipment", "layout"]],
  async run({ actor, db, t, input }) {
    const marked = await recordAttendance(db, { mailer: getMailer(), timeZone: (await getSpace()).timeZone }, actor.personId, input);
    if (!marked.ok) return marked;
    // Said so it cannot be misread: whose attendance, and what was recorded (the name as far as the trainer may see it).
    const name = (await nameShownTo(db, actor, marked.personId)) ?? t("picker.hiddenName");
    return { ok: true, message: t("tr.att.done", { name, attendance: t(`tr.att.${input.attendance}`) }) };
  },
});

export const cancelSessionAction = defineAction({
  caller: "user",
  input: z.object({ sessionId: z.number().int().positive() }),
  read: (formData) => ({ sessionId: int(formData, "sessionId") }),
  refusals: trainingRefusal,
  revalidate,
  async run({ actor, db, t, input }) {
    const cancelled = await cancelSession(db, { mailer: getMailer(), timeZone: (await getSpace()).timeZone }, actor.personId, input.sessionId);
    return cancelled.ok ? { ok: true, message: t("tr.cancelSession.done") } : cancelled;
  },
});

/** A trainer of the type changes time, room, seats or notes; the domain refuses fewer seats than are taken. */
export const editSessionAction = defineAction({
  caller: "user",
  input: sessionEditInput,
  read: async (formData) => ({
    sessionId: int(formData, "sessionId"),
    ...(await timesOf(formData)),
    room: text(formData, "room"),
    capacity: int(formData, "capacity"),
    notes: text(formData, "notes"),
  }),
  labels,
  issueMessages,
  refusals: trainingRefusal,
  revalidate,
  async run({ actor, db, t, input }) {
    const edited = await editSession(db, { mailer: getMailer(), timeZone: (await getSpace()).timeZone }, actor.personId, input);
    return edited.ok ? { ok: true, message: t("tr.edit.done") } : edited;
  },
});
