"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { SecretActionResult } from "@/components/forms/secret-once-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { uriLines } from "@/lib/domain/oidc/client-input";
import { createOidcClient, deleteOidcClient, rotateOidcClientSecret, updateOidcClient } from "@/lib/domain/oidc/clients";
import type { OidcFailure } from "@/lib/domain/oidc/result";
import { rotateSigningKey } from "@/lib/domain/oidc/signing-keys";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { checkbox, int, text, typedValues } from "@/lib/web/form-data";

// Each action: the logged-in person, then the domain call, which checks system.admin (and containment) itself.

function refusal(t: Translate, r: OidcFailure, formData?: FormData): ActionResult {
  const message = r.code === "invalid" ? t("sso.error.invalid", { detail: r.message }) : t(`sso.error.${r.code}`);
  return { ok: false, code: r.code, message, values: formData ? typedValues(formData) : undefined };
}

const forbidden = (t: Translate): ActionResult => ({ ok: false, code: "forbidden", message: t("sso.error.forbidden") });
const input = (formData: FormData) => ({
  name: text(formData, "name"),
  kind: text(formData, "kind") as "confidential" | "public",
  redirectUris: uriLines(text(formData, "redirectUris")),
  postLogoutRedirectUris: uriLines(text(formData, "postLogoutRedirectUris")),
  allowedScopes: formData.getAll("scope").map(String),
  allowedStatusIds: formData.getAll("status").map(Number),
  requiredPermission: text(formData, "requiredPermission"),
  refreshTokens: checkbox(formData, "refreshTokens"),
  active: checkbox(formData, "active"),
});

export async function createOidcClientAction(_p: SecretActionResult | null, formData: FormData): Promise<SecretActionResult> {
  const [t, user] = await Promise.all([getT(), getCurrentUser()]);
  if (!user) return forbidden(t);
  const r = await createOidcClient(getDb(), user.personId, { ...input(formData), active: true });
  if (!r.ok) return refusal(t, r, formData);
  revalidatePath("/admin/sso");
  return r.secret ? { ok: true, message: t("sso.createdSecret", { clientId: r.clientId }), secret: r.secret } : { ok: true, message: t("sso.created", { clientId: r.clientId }) };
}

export async function updateOidcClientAction(_p: SecretActionResult | null, formData: FormData): Promise<SecretActionResult> {
  const [t, user] = await Promise.all([getT(), getCurrentUser()]);
  if (!user) return forbidden(t);
  const r = await updateOidcClient(getDb(), user.personId, int(formData, "id"), input(formData));
  if (!r.ok) return refusal(t, r, formData);
  revalidatePath("/admin/sso", "layout");
  return r.secret ? { ok: true, message: t("sso.savedSecret"), secret: r.secret } : { ok: true, message: t("sso.saved") };
}

export async function rotateOidcClientSecretAction(_p: SecretActionResult | null, formData: FormData): Promise<SecretActionResult> {
  const [t, user] = await Promise.all([getT(), getCurrentUser()]);
  if (!user) return forbidden(t);
  const r = await rotateOidcClientSecret(getDb(), user.personId, int(formData, "id"));
  return r.ok ? { ok: true, message: t("sso.rotated"), secret: r.secret } : refusal(t, r);
}

export async function deleteOidcClientAction(_p: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [t, user] = await Promise.all([getT(), getCurrentUser()]);
  if (!user) return forbidden(t);
  const r = await deleteOidcClient(getDb(), user.personId, int(formData, "id"));
  if (!r.ok) return refusal(t, r);
  revalidatePath("/admin/sso");
  redirect("/admin/sso");
}

export async function rotateSigningKeyAction(_p: ActionResult | null, _formData: FormData): Promise<ActionResult> {
  const [t, user] = await Promise.all([getT(), getCurrentUser()]);
  if (!user) return forbidden(t);
  const r = await rotateSigningKey(getDb(), user.personId);
  if (!r.ok) return refusal(t, r);
  revalidatePath("/admin/sso");
  return { ok: true, message: t("sso.keys.rotated", { kid: r.kid }) };
}
