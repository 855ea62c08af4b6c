"use server";

import { z } from "zod";
import { CLIENT_REFUSALS, oidcClientInput, uriLines } from "@/lib/domain/oidc/client-input";
import { createOidcClient, deleteOidcClient, rotateOidcClientSecret, updateOidcClient } from "@/lib/domain/oidc/clients";
import type { OidcFailure } from "@/lib/domain/oidc/result";
import { rotateSigningKey } from "@/lib/domain/oidc/signing-keys";
import type { Translate } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { unexplainedRefusal } from "@/lib/web/action-pipeline";
import { checkbox, int, text } from "@/lib/web/form-data";

// Each action: the logged-in person, then the domain call, which checks system.admin (and containment) and validates.
const refusals = (r: OidcFailure, t: Translate) => (r.code === "invalid" ? unexplainedRefusal(r, t) : t(`sso.error.${r.code}`));
const id = z.number().int().positive();
const clientForm = z
  .object({
    name: z.string(),
    kind: z.string(),
    redirectUris: z.array(z.string()),
    postLogoutRedirectUris: z.array(z.string()),
    backchannelLogoutUri: z.string(),
    allowedScopes: z.array(z.string()),
    allowedStatusIds: z.array(z.number()),
    requiredPermission: z.string(),
    refreshTokens: z.boolean(),
    active: z.boolean(),
  })
  .superRefine((form, ctx) => {
    // Checked with the domain's schema (the domain reads the form as typed, so it gets it unchanged): every wrong
    // field is named by its label beside it, all at once.
    const checked = oidcClientInput.safeParse(form);
    if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ ...issue } as never);
  });
const issueMessages = {
  [CLIENT_REFUSALS.absolute]: "sso.error.absolute",
  [CLIENT_REFUSALS.fragment]: "sso.error.fragment",
  [CLIENT_REFUSALS.credentials]: "sso.error.credentials",
  [CLIENT_REFUSALS.scope]: "form.error.choice",
  [CLIENT_REFUSALS.permission]: "form.error.choice",
} as const;
const read = (formData: FormData) => ({
  name: text(formData, "name"),
  kind: text(formData, "kind"),
  redirectUris: uriLines(text(formData, "redirectUris")),
  postLogoutRedirectUris: uriLines(text(formData, "postLogoutRedirectUris")),
  backchannelLogoutUri: text(formData, "backchannelLogoutUri"),
  allowedScopes: formData.getAll("scope").map(String),
  allowedStatusIds: formData.getAll("status").map(Number),
  requiredPermission: text(formData, "requiredPermission"),
  refreshTokens: checkbox(formData, "refreshTokens"),
  active: checkbox(formData, "active"),
});
const labels = {
  name: "sso.field.name",
  kind: "sso.field.kind",
  redirectUris: "sso.field.redirectUris",
  postLogoutRedirectUris: "sso.field.postLogoutRedirectUris",
  backchannelLogoutUri: "sso.field.backchannelLogoutUri",
  allowedScopes: "sso.field.scopes",
  allowedStatusIds: "sso.field.statuses",
  requiredPermission: "sso.field.permission",
} as const;
// The domain refuses an unknown kind; the form's select sends one of the two.
const asClient = <T extends { kind: string }>(input: T) => ({ ...input, kind: input.kind as "confidential" | "public" });

export const createOidcClientAction = defineAction({
  caller: "user",
  input: clientForm,
  read,
  labels,
  issueMessages,
  refusals,
  revalidate: ["/admin/sso"],
  async run({ actor, db, t, input }) {
    const r = await createOidcClient(db, actor.personId, { ...asClient(input), active: true });
    if (!r.ok) return r;
    return r.secret
      ? { ok: true, message: t("sso.createdSecret", { clientId: r.clientId }), secret: r.secret }
      : { ok: true, message: t("sso.created", { clientId: r.clientId }) };
  },
});

export const updateOidcClientAction = defineAction({
  caller: "user",
  input: clientForm.extend({ id }),
  read: (formData) => ({ ...read(formData), id: int(formData, "id") }),
  labels,
  issueMessages,
  refusals,
  revalidate: [["/admin/sso", "layout"]],
  async run({ actor, db, t, input: { id: clientId, ...input } }) {
    const r = await updateOidcClient(db, actor.personId, clientId, asClient(input));
    if (!r.ok) return r;
    return r.secret ? { ok: true, message: t("sso.savedSecret"), secret: r.secret } : { ok: true, message: t("sso.saved") };
  },
});

export const rotateOidcClientSecretAction = defineAction({
  caller: "user",
  input: z.object({ id }),
  read: (formData) => ({ id: int(formData, "id") }),
  refusals,
  async run({ actor, db, t, input }) {
    const r = await rotateOidcClientSecret(db, actor.personId, input.id);
    return r.ok ? { ok: true, message: t("sso.rotated"), secret: r.secret } : r;
  },
});

export const deleteOidcClientAction = defineAction({
  caller: "user",
  input: z.object({ id }),
  read: (formData) => ({ id: int(formData, "id") }),
  refusals,
  revalidate: ["/admin/sso"],
  async run({ actor, db, input }) {
    const r = await deleteOidcClient(db, actor.personId, input.id);
    return r.ok ? { ok: true, redirect: "/admin/sso" } : r;
  },
});

export const rotateSigningKeyAction = defineAction({
  caller: "user",
  input: z.object({}),
  refusals,
  revalidate: ["/admin/sso"],
  async run({ actor, db, t }) {
    const r = await rotateSigningKey(db, actor.personId);
    return r.ok ? { ok: true, message: t("sso.keys.rotated", { kid: r.kid }) } : r;
  },
});
