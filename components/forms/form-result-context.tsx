"use client";

import { createContext, useContext } from "react";
import { fieldError, type ActionResult } from "@/lib/web/action-result";

/** The last answer of the form's action, for the fields inside it (ActionForm provides it). */
export const FormResultContext = createContext<ActionResult | null>(null);

/** The message for one field of the last refused submission, if the action named that field. */
export function useFieldError(name: string): string | undefined {
  return fieldError(useContext(FormResultContext), name);
}
