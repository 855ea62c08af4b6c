import type { Locale } from "./locales";
import { errorDe } from "./messages/error-de";
import { errorEn } from "./messages/error-en";
import { errorIt } from "./messages/error-it";
import { errorNl } from "./messages/error-nl";

export type ErrorKey = keyof typeof errorEn;

/**
 * The error pages' texts in every language, and nothing else of the catalogs: what app/global-error.tsx takes into
 * the browser, where no server picked the messages (the root layout that would have failed). Part of each
 * language's catalog as well, so the completeness test and `npm run i18n:missing` see them.
 */
export const ERROR_CATALOGS: Record<Locale, Record<ErrorKey, string>> = { en: errorEn, de: errorDe, nl: errorNl, it: errorIt };
