import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { spaceSettings } from "@/lib/db/schema";
import { recordAudit } from "@/lib/domain/audit/record-audit";
import { env } from "@/lib/env";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { en } from "@/lib/i18n/messages/en";
import { argumentNames, messageArguments } from "@/lib/i18n/placeholders";
import { isMessageKey } from "@/lib/i18n/translate";
import { fail, type Failure, type Result } from "../shared/result";
import { invalidateSpaceSettings, loadSpaceSettings, settingsFromEnv } from "./space-settings";
import type { SettingsActor } from "./update-settings";

export const MAX_OVERRIDE_LENGTH = 4000;

/** Why a wording was refused; `syntax` says where the ICU text broke, `placeholders` which variables it should use. */
export type OverrideFailure =
  | Failure<"forbidden" | "unknown_key" | "unknown_locale" | "empty" | "too_long">
  | Failure<"syntax", { detail: string }>
  | Failure<"placeholders", { expected: string[]; found: string[] }>;
export type OverrideResult = Result<object, OverrideFailure>;

const unknownKey = () => fail("unknown_key", "No such message.");

/**
 * Whether a text may stand for a message: valid ICU, and exactly the variables the message is called with, so an
 * override can neither break a page nor drop a link from a mail.
 */
export function checkOverride(key: string, text: string): OverrideResult {
  if (!isMessageKey(key)) return unknownKey();
  if (text.trim() === "") return fail("empty", "The text is empty.");
  if (text.length > MAX_OVERRIDE_LENGTH) return fail("too_long", `The text is longer than ${MAX_OVERRIDE_LENGTH} characters.`);
  const mine = messageArguments(text);
  if (!mine.ok) return syntax(mine.error);
  // Pages and mails show plain text: a <tag> would only confuse the formatter.
  if (mine.args.some((a) => a.startsWith("<"))) return syntax("<…>");
  const reference = messageArguments(en[key]);
  const expected = reference.ok ? argumentNames(reference.args) : [];
  const found = argumentNames(mine.args);
  if (expected.join() !== found.join()) {
    const message = `The text must use exactly these placeholders: ${expected.join(", ") || "none"} (found: ${found.join(", ") || "none"}).`;
    return fail<"placeholders", { expected: string[]; found: string[] }>("placeholders", message, { expected, found });
  }
  return { ok: true };
}

const syntax = (detail: string) => fail<"syntax", { detail: string }>("syntax", `The text is not a valid message: ${detail}`, { detail });

/** Sets (text) or resets (null) the space's own wording of one message in one language; audited, effective at once. */
export async function setMessageOverride(db: Db, actor: SettingsActor, locale: string, key: string, text: string | null): Promise<OverrideResult> {
  if (actor.personId !== null && !actor.permissions.has("system.admin")) return fail("forbidden", "You are not allowed to do this.");
  if (!isLocale(locale)) return fail("unknown_locale", "No such language.");
  if (text !== null) {
    const checked = checkOverride(key, text);
    if (!checked.ok) return checked;
  } else if (!isMessageKey(key)) return unknownKey();
  await db.transaction(async (tx) => {
    // One row: lock it (or create it from the defaults) so two admins' edits do not overwrite each other.
    const defaults = settingsFromEnv(env());
    await tx
      .insert(spaceSettings)
      .values({ ...defaults, id: 1, publicUrl: defaults.publicUrl, updatedAt: new Date(), updatedBy: actor.personId })
      .onConflictDoNothing();
    await tx.execute(sql`select 1 from space_settings where id = 1 for update`);
    const before = await loadSpaceSettings(tx, () => defaults);
    const previous = before.messageOverrides[locale]?.[key] ?? null;
    if (previous === text) return;
    const forLocale = { ...before.messageOverrides[locale] };
    if (text === null) delete forLocale[key];
    else forLocale[key] = text;
    const all = { ...before.messageOverrides, [locale]: forLocale };
    await tx.update(spaceSettings).set({ messageOverrides: all, updatedAt: new Date(), updatedBy: actor.personId }).where(eq(spaceSettings.id, 1));
    await recordAudit(tx, {
      actorId: actor.personId,
      changeType: text === null ? "settings.wording.reset" : "settings.wording",
      entity: "space_settings",
      entityId: 1,
      before: { locale, key, text: previous },
      after: { locale, key, text },
    });
  });
  invalidateSpaceSettings(db);
  // This process translates with the new wording from the next call on (other processes when they next load the settings).
  await loadSpaceSettings(db);
  return { ok: true };
}

export interface WordingRow {
  key: string;
  english: string;
  /** The language's own text as shipped. */
  shipped: string;
  override: string | null;
}

/** Messages whose key, shipped text, English text or override contains the query (case-insensitive); overrides first. */
export function searchWording(locale: Locale, overrides: Record<string, string> | undefined, query: string, limit = 50): { rows: WordingRow[]; more: boolean } {
  const q = query.trim().toLowerCase();
  const catalog = CATALOGS[locale];
  const rows: WordingRow[] = [];
  for (const key of Object.keys(en) as (keyof typeof en)[]) {
    const row = { key, english: en[key], shipped: catalog[key], override: overrides?.[key] ?? null };
    if (q === "" ? row.override !== null : [key, row.english, row.shipped, row.override ?? ""].some((s) => s.toLowerCase().includes(q))) rows.push(row);
  }
  rows.sort((a, b) => Number(b.override !== null) - Number(a.override !== null));
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}
