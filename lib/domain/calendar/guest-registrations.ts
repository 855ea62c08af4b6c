import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { eventRegistrations, events } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { translator, type Locale } from "@/lib/i18n/translate";
import type { Mailer } from "../mail/mailer";
import { publicLink } from "../settings/public-link";
import { lockEventForRegistration, placeFor } from "./registrations";
import { fail, type CalendarResult } from "./result";
import { newToken, tokenHash } from "../shared/one-time-token";

const guestSchema = z.object({ name: z.string().trim().min(1).max(200), email: z.string().trim().toLowerCase().email().max(320) });

/**
 * A guest asks for a place at a public event: a pending registration (holding no place) and a mail with a
 * confirmation link. The place is assigned when the guest confirms on the page behind that link.
 */
export async function requestGuestRegistration(
  db: Db,
  mailer: Mailer,
  input: { eventId: number; name: string; email: string; locale?: Locale },
): Promise<CalendarResult<{ registrationId: number }>> {
  const parsed = guestSchema.safeParse(input);
  if (!parsed.success) return fail("validation", "name and a valid email are required");
  const { name, email } = parsed.data;
  const token = newToken(24);
  const result = await db.transaction(async (tx) => {
    const event = await lockEventForRegistration(tx, input.eventId);
    if (!event) return fail("not_found", "no such event");
    if (event.visibility !== "public") return fail("not_public", "guests may only register for public events");
    if (event.cancelledAt) return fail("cancelled", "the event is cancelled");
    const [existing] = await tx
      .select({ id: eventRegistrations.id })
      .from(eventRegistrations)
      .where(
        and(
          eq(eventRegistrations.eventId, event.id),
          isNull(eventRegistrations.personId),
          sql`lower(${eventRegistrations.guestEmail}) = ${email}`,
          ne(eventRegistrations.status, "cancelled"),
        ),
      );
    if (existing) return fail("already_registered", "this email is already registered");
    const [reg] = await tx
      .insert(eventRegistrations)
      .values({ eventId: event.id, guestName: name, guestEmail: email, status: "pending", confirmationTokenHash: tokenHash(token) })
      .returning();
    await recordAudit(tx, {
      actorId: null,
      changeType: "event.guest_request",
      entity: "event_registration",
      entityId: reg!.id,
      after: { eventId: event.id, guestEmail: email },
    });
    return { ok: true as const, registrationId: reg!.id, title: event.title };
  });
  if (!result.ok) return result;
  // Anyone can type any address here: the mail carries nothing the requester wrote (not the name they gave),
  // only the event's title (written by staff) and the link.
  const t = translator(input.locale ?? "en");
  const link = await publicLink(db, `/events/confirm/${encodeURIComponent(token)}`);
  await mailer.send({
    to: email,
    subject: t("mail.guestConfirm.subject", { title: result.title }),
    text: t("mail.guestConfirm.body", { title: result.title, link }),
  });
  return { ok: true, registrationId: result.registrationId };
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,64}$/;

/**
 * Read-only look-up for the page behind the mailed link. Opening the link (GET, which mail scanners and link
 * previews do on their own) must not confirm anything; the guest confirms with a button (POST).
 */
export async function guestRegistrationByToken(
  db: Db,
  token: string,
): Promise<{ eventId: number; slug: string; title: string; status: string; cancelled: boolean } | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db
    .select({ eventId: events.id, slug: events.slug, title: events.title, status: eventRegistrations.status, cancelledAt: events.cancelledAt })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(eq(eventRegistrations.confirmationTokenHash, tokenHash(token)));
  if (!row || row.status === "cancelled") return null;
  return { eventId: row.eventId, slug: row.slug, title: row.title, status: row.status, cancelled: row.cancelledAt !== null };
}

/** The guest pressed "confirm" on the page behind the mailed link: the guest gets a place or a waitlist spot. Confirming again changes nothing. */
export async function confirmGuestRegistration(db: Db, token: string): Promise<CalendarResult<{ registrationId: number; status: string; eventId: number }>> {
  if (!TOKEN_SHAPE.test(token)) return fail("invalid_token", "invalid link");
  return db.transaction(async (tx) => {
    const [reg0] = await tx
      .select()
      .from(eventRegistrations)
      .where(eq(eventRegistrations.confirmationTokenHash, tokenHash(token)));
    if (!reg0 || reg0.status === "cancelled") return fail("invalid_token", "invalid link");
    const event = await lockEventForRegistration(tx, reg0.eventId);
    const [reg] = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.id, reg0.id));
    if (!event || !reg) return fail("invalid_token", "invalid link");
    if (reg.status !== "pending") return { ok: true as const, registrationId: reg.id, status: reg.status, eventId: event.id };
    if (event.cancelledAt) return fail("cancelled", "the event is cancelled");
    const status = await placeFor(tx, event);
    await tx.update(eventRegistrations).set({ status, confirmedAt: new Date() }).where(eq(eventRegistrations.id, reg.id));
    await recordAudit(tx, {
      actorId: null,
      changeType: "event.guest_confirm",
      entity: "event_registration",
      entityId: reg.id,
      before: { status: "pending" },
      after: { status },
    });
    return { ok: true as const, registrationId: reg.id, status, eventId: event.id };
  });
}
