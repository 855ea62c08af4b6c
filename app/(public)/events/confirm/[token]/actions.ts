"use server";

import { z } from "zod";
import { confirmGuestRegistration } from "@/lib/domain/calendar/guest-registrations";
import { defineAction } from "@/lib/web/action";

/** Public by design: the secret token from the mail is the guest's authority; the domain checks it. */
export const confirmGuestAction = defineAction({
  caller: "anyone",
  input: z.object({}),
  bound: z.tuple([z.string().max(200)]),
  refusals: (r: { code: string }, t) => (r.code === "cancelled" ? t("ev.cancelled") : t("ev.guest.invalid")),
  revalidate: [["/(public)/events/[id]", "page"]],
  async run({ db, t }, token) {
    const confirmed = await confirmGuestRegistration(db, token);
    if (!confirmed.ok) return confirmed;
    return { ok: true, message: t(confirmed.status === "waitlisted" ? "ev.guest.confirmed.waitlisted" : "ev.guest.confirmed.signed_up") };
  },
});
