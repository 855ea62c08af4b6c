/** Card uids are 8 hex digits; every entry point normalises to lowercase so `EFBEADDE` and `efbeadde` are one card. */
export const CARD_UID_PATTERN = /^[0-9a-f]{8}$/;

export function normalizeCardUid(input: string): string | null {
  const uid = input.trim().toLowerCase();
  return CARD_UID_PATTERN.test(uid) ? uid : null;
}
