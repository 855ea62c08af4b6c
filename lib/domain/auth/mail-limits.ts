import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { sourceOf, takeAttempt, type Limit } from "./rate-limit";

/** The public forms that mail a link to an address someone typed. */
export type MailForm = "reset" | "signup" | "guest" | "invite";

export interface MailFormLimits {
  /** Mails to one address per window: nobody can flood someone's inbox through us. */
  perAddress: Limit;
  /** Requests from one network per window: nobody can use us to mail many addresses. */
  perSource: Limit;
}

export const MAILS_PER_ADDRESS_PER_HOUR = 3;

export function mailFormLimitsFromEnv(): MailFormLimits {
  const e = env();
  return { perAddress: { max: MAILS_PER_ADDRESS_PER_HOUR, windowMinutes: 60 }, perSource: { max: e.LOGIN_MAX_PER_IP, windowMinutes: e.LOGIN_WINDOW_MINUTES } };
}

/**
 * Takes one request of a mailing form, per address AND per source network (atomic, shared by every web
 * instance). Counted whether or not the address is known, so being limited reveals nothing about accounts.
 */
export async function takeMailFormAttempt(
  db: Db,
  form: MailForm,
  address: string,
  ip: string,
  limits: MailFormLimits = mailFormLimitsFromEnv(),
  now = new Date(),
): Promise<boolean> {
  const byAddress = await takeAttempt(db, { kind: `${form}.address`, subject: address }, limits.perAddress, now);
  const bySource = await takeAttempt(db, { kind: `${form}.source`, source: sourceOf(ip) }, limits.perSource, now);
  return byAddress.allowed && bySource.allowed;
}
