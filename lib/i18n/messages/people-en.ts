/** Membership and people strings (issue 3), spread into the English catalog. */
export const peopleEn = {
  "mail.signup.subject": "Please confirm your makerspace application",
  "mail.signup.body":
    "Hello {name},\n\nthank you for applying to the makerspace. Please confirm your email address with this link (valid for {hours} hours):\n\n{link}\n\nAfter that, the board will look at your application.\n",
  "mail.audit.subject": "{count} new changes ({changeType})",
  "mail.audit.body": "New entries in the audit log matching \"{changeType}\":\n\n{entries}\n\n{link}\n",

  "people.error.forbidden": "You are not allowed to do this.",
  "people.error.not_found": "This record does not exist (any more).",
  "people.error.invalid": "Please check the field \"{field}\".",
  "people.error.duplicate_email": "This email is already used by another person (field \"Email\").",
  "people.error.duplicate_name": "This name or key is already taken (field \"{field}\").",
  "people.error.date_range": "The end date lies before the start date (field \"{field}\").",
  "people.error.main_address": "A person has exactly one main address.",
  "people.error.needs_confirmation": "This person is banned: tick the confirmation and give a reason to erase them.",
  "people.error.invalid_token": "This link is invalid, expired or already used.",
  "people.error.card_uid": "A card uid has 8 hexadecimal digits (field \"{field}\").",
  "people.error.in_use": "This is still in use.",
  "people.saved": "Saved.",
} as const;
