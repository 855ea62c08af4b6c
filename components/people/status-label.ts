import { isMessageKey, type Translate } from "@/lib/i18n/translate";

/** Built-in statuses are translated; statuses an admin added show the name they gave. */
export function statusLabel(t: Translate, status: { key: string; name: string }): string {
  const key = `status.${status.key}`;
  return isMessageKey(key) ? t(key) : status.name;
}
