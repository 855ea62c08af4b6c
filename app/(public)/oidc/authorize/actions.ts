"use server";

import { redirect } from "next/navigation";
import { getAuthTime, getCurrentUser } from "@/lib/auth/current-user";
import { consentDecision } from "@/lib/oidc/authorization";
import { getDb } from "@/lib/web/db";
import { loginUrlFor } from "@/lib/web/safe-next";

/**
 * The consent screen's answer. The request travels as its query and is checked again in full (client, exact
 * redirect address, PKCE, the person's access); the answer goes straight to the other service.
 */
async function decide(formData: FormData, approve: boolean): Promise<never> {
  const query = String(formData.get("query") ?? "");
  const user = await getCurrentUser();
  if (!user) redirect(loginUrlFor(`/oidc/authorize?${query}`));
  const fields = formData.getAll("field").map(String);
  const step = await consentDecision(getDb(), new URLSearchParams(query), { personId: user.personId, authTime: await getAuthTime() }, approve, fields);
  // Anything but a redirect (a refusal, a request gone bad meanwhile) is shown by the page itself.
  redirect(step.kind === "redirect" ? step.location : `/oidc/authorize?${query}`);
}

export async function allowAction(formData: FormData): Promise<void> {
  await decide(formData, true);
}

export async function denyAction(formData: FormData): Promise<void> {
  await decide(formData, false);
}
