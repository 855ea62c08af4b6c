import { de } from "./messages/de";
import { en, type MessageKey } from "./messages/en";
import { it } from "./messages/it";
import { nl } from "./messages/nl";
import type { Locale } from "./locales";

/** Every language's catalog; a key a catalog lacks falls back to English (the completeness test keeps that from happening). */
export const CATALOGS: Record<Locale, Partial<Record<MessageKey, string>>> = { en, de, nl, it };
