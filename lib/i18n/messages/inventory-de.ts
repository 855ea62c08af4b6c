import type { inventoryEn } from "./inventory-en";

export const inventoryDe: Record<keyof typeof inventoryEn, string> = {
  "mail.loanOverdue.subject": "Bitte zurückbringen: {thing} (#{number})",
  "mail.loanOverdue.body":
    "Hallo {name},\n\ndu hast „{thing}“ (#{number}) vom Makerspace ausgeliehen; die Rückgabe war am {due} fällig.\nBitte bring es bald zurück oder sag uns Bescheid, wenn du es länger brauchst.\n\n{link}\n\nDanke!\n",
};
