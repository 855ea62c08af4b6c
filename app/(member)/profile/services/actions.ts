"use server";

import { z } from "zod";
import { disconnectService } from "@/lib/domain/oidc/consents";
import { parseId } from "@/lib/domain/shared/ids";
import { defineAction } from "@/lib/web/action";
import { text } from "@/lib/web/form-data";

/** A person withdraws their own consent to a service; nobody else's (the domain call is keyed by the logged-in person). */
export const disconnectServiceAction = defineAction({
  caller: "user",
  input: z.object({ clientId: z.number().int().positive(), name: z.string().max(200) }),
  read: (formData: FormData) => ({ clientId: parseId(text(formData, "clientId")), name: text(formData, "name") }),
  refusals: "sso.error",
  revalidate: ["/profile/services"],
  async run({ actor, db, t, input }) {
    const done = await disconnectService(db, actor.personId, input.clientId);
    return done ? { ok: true, message: t("sso.services.disconnected", { name: input.name }) } : { ok: false, code: "not_found", message: "No such service." };
  },
});
