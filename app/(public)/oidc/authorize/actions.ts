"use server";

import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { SessionPerson } from "@/lib/domain/auth/session-person";
import { getAuthTime } from "@/lib/auth/current-user";
import { consentDecision } from "@/lib/oidc/authorization";
import { defineAction } from "@/lib/web/action";
import { text } from "@/lib/web/form-data";
import { loginUrlFor } from "@/lib/web/safe-next";

/**
 * The consent screen's answer. The request travels as its query and is checked again in full (client, exact
 * redirect address, PKCE, the person's access); the answer goes straight to the other service. Anything but a
 * redirect (a refusal, a request gone bad meanwhile) is shown by the page itself.
 */
const consent = z.object({ query: z.string().max(8000), fields: z.array(z.string().max(100)).max(50) });
const read = (formData: FormData) => ({ query: text(formData, "query"), fields: formData.getAll("field").map(String) });

/** Logged out meanwhile (caller "anyone"): back through the login to the same request. */
async function decide({ actor, db, input: { query, fields } }: { actor: SessionPerson | null; db: Db; input: z.output<typeof consent> }, approve: boolean) {
  if (!actor) return { ok: true as const, redirect: loginUrlFor(`/oidc/authorize?${query}`) };
  const step = await consentDecision(db, new URLSearchParams(query), { personId: actor.personId, authTime: await getAuthTime() }, approve, fields);
  return { ok: true as const, redirect: step.kind === "redirect" ? step.location : `/oidc/authorize?${query}` };
}

export const allowAction = defineAction({ caller: "anyone", input: consent, read, refusals: "sso.error", run: (ctx) => decide(ctx, true) });
export const denyAction = defineAction({ caller: "anyone", input: consent, read, refusals: "sso.error", run: (ctx) => decide(ctx, false) });
