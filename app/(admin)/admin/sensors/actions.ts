"use server";

import { z } from "zod";
import { createSensorToken, revokeSensorToken, sensorNameInput } from "@/lib/domain/community/sensor-tokens";
import type { Failure } from "@/lib/domain/community/result";
import type { Translate } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { unexplainedRefusal } from "@/lib/web/action-pipeline";
import { int, text } from "@/lib/web/form-data";

// Who may (system.admin) is decided in the domain calls; the name is read with the domain's schema, so a missing or
// too long one is named by its label beside it.
const refusals = (failure: Failure, t: Translate) => (failure.code === "invalid" ? unexplainedRefusal(failure, t) : t(`com.error.${failure.code}`));

export const createSensorAction = defineAction({
  caller: "user",
  input: z.object({ name: sensorNameInput }),
  read: (formData) => ({ name: text(formData, "name") }),
  labels: { name: "com.sensors.name" },
  refusals,
  revalidate: ["/admin/sensors"],
  async run({ actor, db, t, input }) {
    const created = await createSensorToken(db, actor.personId, input.name);
    return created.ok ? { ok: true, message: t("com.sensors.created", { name: input.name }), secret: created.token } : created;
  },
});

export const revokeSensorAction = defineAction({
  caller: "user",
  input: z.object({ id: z.number().int().positive() }),
  read: (formData) => ({ id: int(formData, "id") }),
  refusals,
  revalidate: ["/admin/sensors"],
  async run({ actor, db, t, input }) {
    const revoked = await revokeSensorToken(db, actor.personId, input.id);
    return revoked.ok ? { ok: true, message: t("com.sensors.revoked") } : revoked;
  },
});
