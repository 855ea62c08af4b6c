import { z } from "zod";
import { isValidTimeZone } from "@/lib/time";

const id = z.coerce.number().int().positive();

/** What a create/edit form sends; the same schema guards the domain, whoever calls it. */
export const eventInputSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(20_000).default(""),
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date(),
    timeZone: z.string().refine(isValidTimeZone, "unknown time zone"),
    allDay: z.boolean().default(false),
    recurrence: z
      .object({
        freq: z.enum(["weekly", "monthly"]),
        interval: z.coerce.number().int().min(1).max(52).default(1),
        until: z.coerce.date().nullable().default(null),
        count: z.coerce.number().int().min(1).max(1000).nullable().default(null),
        weekdays: z.array(z.coerce.number().int().min(0).max(6)).default([]),
      })
      .nullable()
      .default(null),
    exceptionDates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
    responsiblePersonId: id.nullable().default(null),
    visibility: z.enum(["public", "members"]).default("members"),
    capacity: z.coerce.number().int().min(1).max(10_000).nullable().default(null),
    roomIds: z.array(id).max(20).default([]),
    resourceIds: z.array(id).max(50).default([]),
    /** Inventory thing numbers (as in /things/2342). */
    thingNumbers: z.array(id).max(100).default([]),
  })
  .refine((v) => v.endsAt > v.startsAt, { path: ["endsAt"], message: "must be after the start" })
  // The stored until is exclusive (recurrence.ts): at the start itself the series would have no occurrence at all — an
  // all-day event on the 26th "until the 25th" reaches here as exactly its start.
  .refine((v) => !v.recurrence?.until || v.recurrence.until > v.startsAt, { path: ["recurrence", "until"], message: "must not be before the start" });

export type EventInput = z.input<typeof eventInputSchema>;
export type ValidEventInput = z.output<typeof eventInputSchema>;
