import type { surfaceEn } from "./surface-en";

/** German for surface-en.ts. */
export const surfaceDe: Record<keyof typeof surfaceEn, string> = {
  "settings.publicUrl": "Öffentliche Adresse dieses Systems",
  "settings.publicUrl.hint":
    "Unter der die Mitglieder es erreichen, z. B. https://makerspace.example.org. Jeder Link in Mails, Kalender-Feeds und QR-Etiketten beginnt mit dieser Adresse (nie mit der, die eine Anfrage angibt).",
};
