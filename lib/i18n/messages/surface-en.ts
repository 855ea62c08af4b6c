/** The space's public address and the other trust-boundary settings (issue 13), spread into the English catalog. */
export const surfaceEn = {
  "settings.publicUrl": "Public address of this system",
  "settings.publicUrl.hint":
    "Where members reach it, e.g. https://makerspace.example.org. Every link in mails, calendar feeds and QR labels starts with this address (never with the address a request claims).",
  "mailForm.rate_limited": "Too many requests for this address or from your network. Please wait a while and try again.",
  "mail.guestName": "there",
  "mail.guestConfirm.subject": "Please confirm your registration: {title}",
  "mail.guestConfirm.body":
    'Hello,\n\nsomeone asked for a place at "{title}" with this email address. To confirm the registration, open this link:\n\n{link}\n\nIf it was not you, ignore this mail: nothing happens without the confirmation.\n',
  "mail.signupExisting.subject": "Someone tried to sign up with your address",
  "mail.signupExisting.body":
    "Hello,\n\nsomeone just applied for membership with this email address, which already has an account with us. Nothing was changed.\n\nIf it was you: log in at {login}\nForgot your password? Set a new one at {reset}\n\nIf it was not you, ignore this mail.\n",
};
