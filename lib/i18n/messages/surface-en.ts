/** The space's public address and the other trust-boundary settings (issue 13), spread into the English catalog. */
export const surfaceEn = {
  "settings.publicUrl": "Public address of this system",
  "settings.publicUrl.hint":
    "Where members reach it, e.g. https://makerspace.example.org. Every link in mails, calendar feeds and QR labels starts with this address (never with the address a request claims).",
};
