"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { attendanceInput, recordAttendance } from "@/lib/domain/training/attendance-service";
import { editSession, sessionEditInput } from "@/lib/domain/training/session-edit";
import { cancelSession, scheduleSession, sessionInput } from "@/lib/domain/training/session-service";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { actionContext, refusal } from "@/lib/web/equipment-action";
import { int, text } from "@/lib/web/form-data";
import { getMailer } from "@/lib/web/mailer";
import { parseLocalDateTime } from "@/lib/time";
import { getSpace } from "@/lib/web/space";

function revalidate() {
  revalidatePath("/training", "layout");
  revalidatePath("/equipment");
}

/** Times arrive as the space's local time from datetime-local fields. Only a trainer of the type may schedule. */
export async function scheduleSessionAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actionContext();
  if (!user) return refusal(t, "eq", "forbidden");
  const zone = (await getSpace()).timeZone;
  const parsed = sessionInput.safeParse({
    equipmentTypeId: int(formData, "equipmentTypeId"),
    level: text(formData, "level"),
    startsAt: parseLocalDateTime(text(formData, "startsAt"), zone),
    endsAt: parseLocalDateTime(text(formData, "endsAt"), zone),
    room: text(formData, "room"),
    capacity: int(formData, "capacity"),
    notes: text(formData, "notes"),
    coTrainerIds: formData.getAll("coTrainerIds").map((v) => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : Number.NaN)),
  });
  if (!parsed.success) return refusal(t, "tr", "invalid", formData);
  const result = await scheduleSession(getDb(), user.personId, parsed.data);
  if (!result.ok) return refusal(t, "tr", result.code, formData);
  revalidate();
  redirect(`/training/sessions/${result.id}`);
}

export async function markAttendanceAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actionContext();
  if (!user) return refusal(t, "eq", "forbidden");
  const parsed = attendanceInput.safeParse({ signupId: int(formData, "signupId"), attendance: text(formData, "attendance") });
  if (!parsed.success) return refusal(t, "tr", "invalid", formData);
  const result = await recordAttendance(getDb(), { mailer: getMailer(), timeZone: (await getSpace()).timeZone }, user.personId, parsed.data);
  if (!result.ok) return refusal(t, "tr", result.code, formData);
  revalidate();
  revalidatePath("/admin/equipment", "layout");
  return { ok: true, message: t("tr.att.done") };
}

export async function cancelSessionAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actionContext();
  if (!user) return refusal(t, "eq", "forbidden");
  const id = z.number().int().positive().safeParse(int(formData, "sessionId"));
  if (!id.success) return refusal(t, "tr", "not_found");
  const result = await cancelSession(getDb(), { mailer: getMailer(), timeZone: (await getSpace()).timeZone }, user.personId, id.data);
  if (!result.ok) return refusal(t, "tr", result.code);
  revalidate();
  return { ok: true, message: t("tr.cancelSession.done") };
}

/** A trainer of the type changes time, room, seats or notes; the domain refuses fewer seats than are taken. */
export async function editSessionAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actionContext();
  if (!user) return refusal(t, "eq", "forbidden");
  const zone = (await getSpace()).timeZone;
  const parsed = sessionEditInput.safeParse({
    sessionId: int(formData, "sessionId"),
    startsAt: parseLocalDateTime(text(formData, "startsAt"), zone),
    endsAt: parseLocalDateTime(text(formData, "endsAt"), zone),
    room: text(formData, "room"),
    capacity: int(formData, "capacity"),
    notes: text(formData, "notes"),
  });
  if (!parsed.success) return refusal(t, "tr", "invalid", formData);
  const result = await editSession(getDb(), { mailer: getMailer(), timeZone: zone }, user.personId, parsed.data);
  if (!result.ok) return refusal(t, "tr", result.code, formData, { count: String(result.seatsTaken ?? "") });
  revalidate();
  return { ok: true, message: t("tr.edit.done") };
}
