import { de } from "./messages/de";
import { en, type Catalog } from "./messages/en";
import { it } from "./messages/it";
import { nl } from "./messages/nl";
import type { Locale } from "./locales";

/** Every language's catalog, each complete (the type and catalog-completeness.test.ts see to it). */
export const CATALOGS: Record<Locale, Catalog> = { en, de, nl, it };
