import { z } from "zod";

/** C0 controls and DEL: a line break in a name written into a feed's head or a mail header would start a new line. */
export const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/;

/**
 * A name shown on one line (the space's, a room's, a resource's): trimmed, required, without control characters —
 * a refusal worded by form.error.controlCharacters (lib/web/field-errors.ts). Names saved before stay as they are.
 */
export const oneLineName = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !CONTROL_CHARACTERS.test(v), "controlCharacters");
