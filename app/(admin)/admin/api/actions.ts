"use server";

import { z } from "zod";
import { createService, setServiceEnabled } from "@/lib/domain/api-tokens/services";
import { createServiceToken } from "@/lib/domain/api-tokens/tokens";
import { defineAction } from "@/lib/web/action";
import { apiRefusal } from "@/lib/web/api-refusal";
import { checkbox, int, text } from "@/lib/web/form-data";

// The domain checks system.admin (and that a service gets no more than its sponsor holds) and validates.
const id = z.number().int().positive();

export const createServiceAction = defineAction({
  caller: "user",
  input: z.object({ name: z.string(), description: z.string(), permissions: z.array(z.string()) }),
  read: (formData) => ({ name: text(formData, "name"), description: text(formData, "description"), permissions: formData.getAll("permission").map(String) }),
  labels: { name: "api.services.name", description: "api.services.description", permissions: "api.services.permissions" },
  refusals: apiRefusal,
  revalidate: ["/admin/api"],
  async run({ actor, db, t, input }) {
    const created = await createService(db, actor.personId, input);
    return created.ok ? { ok: true, message: t("api.services.created") } : created;
  },
});

export const setServiceEnabledAction = defineAction({
  caller: "user",
  input: z.object({ id, enable: z.boolean() }),
  read: (formData) => ({ id: int(formData, "id"), enable: checkbox(formData, "enable") }),
  refusals: apiRefusal,
  revalidate: [["/admin/api", "layout"]],
  async run({ actor, db, t, input }) {
    const saved = await setServiceEnabled(db, actor.personId, input.id, input.enable);
    return saved.ok ? { ok: true, message: t("api.services.saved") } : saved;
  },
});

export const createServiceTokenAction = defineAction({
  caller: "user",
  input: z.object({ serviceId: id, name: z.string(), scopes: z.array(z.string()), expiresInDays: z.number() }),
  read: (formData) => ({
    serviceId: int(formData, "serviceId"),
    name: text(formData, "name"),
    scopes: formData.getAll("scope").map(String),
    expiresInDays: int(formData, "expiresInDays"),
  }),
  labels: { name: "api.tokens.name", scopes: "api.tokens.scopes", expiresInDays: "api.tokens.expires" },
  refusals: apiRefusal,
  revalidate: [["/admin/api", "layout"]],
  async run({ actor, db, t, input: { serviceId, ...token } }) {
    const created = await createServiceToken(db, actor.personId, serviceId, token);
    return created.ok ? { ok: true, message: t("api.tokens.created", { name: token.name.trim() }), secret: created.token } : created;
  },
});
