import type { MessageKey } from "./en";

/** Italian: filled area by area; a missing key shows English until then (see catalog-completeness.test.ts). */
export const it: Partial<Record<MessageKey, string>> = {};
