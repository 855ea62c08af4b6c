"use client";

import { useTranslations } from "next-intl";
import type { Vars } from "./icu";
import { encodeKey } from "./keys";
import type { MessageKey } from "./messages/en";

/** A client component's translate function over next-intl's provider (which holds only the keys the server picked). */
export function useT(): (key: MessageKey, vars?: Vars) => string {
  const t = useTranslations() as unknown as (key: string, values?: Vars) => string;
  return (key, vars) => t(encodeKey(key), vars);
}
