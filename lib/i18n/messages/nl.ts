import type { MessageKey } from "./en";

/** Dutch: filled area by area; a missing key shows English until then (see catalog-completeness.test.ts). */
export const nl: Partial<Record<MessageKey, string>> = {};
