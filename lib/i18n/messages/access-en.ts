const exceeds = "You cannot hand out more than you hold yourself: this would grant permissions you do not have.";
const outranks = "This person holds permissions you do not have, so only someone who holds them may change this person.";

/** Privilege containment, email change and sessions (issue 13), spread into the English catalog. */
export const accessEn = {
  "people.error.exceeds_own_permissions": exceeds,
  "people.error.outranks_you": outranks,
  "people.error.exceeds_own_view_rights":
    "This would let you see groups of people you may not see now: you cannot give yourself such a status, nor hand out such view rights. Ask someone who sees those groups.",
  "eq.error.exceeds_own_permissions": exceeds,
  "eq.error.outranks_you": outranks,
  "tr.error.exceeds_own_permissions": "Only someone who holds every permission this training grants may pass people in it.",
  "tr.error.outranks_you": outranks,
  "cards.error.exceeds_own_permissions": exceeds,
  "cards.error.outranks_you": outranks,
  "access.endOfYear.skipped":
    "{count, plural, one {# person holds permissions you do not have and was left as they are; someone who holds them must run this for them.} other {# people hold permissions you do not have and were left as they are; someone who holds them must run this for them.}}",
  "mail.emailChange.confirm.subject": "Confirm your new login email",
  "mail.emailChange.confirm.body":
    "Hello,\n\nyou asked to log in to the makerspace with this address from now on.\nConfirm it here (the link works once and for {hours} hours):\n\n{link}\n\nIf this was not you, ignore this mail; nothing changes.\n",
  "mail.emailChange.notice.subject": "Your login email is about to change",
  "mail.emailChange.notice.body":
    "Hello,\n\nsomeone logged in to your makerspace account asked to change its login email to {email}.\nIt changes only when the link mailed to that address is used.\n\nIf this was not you, change your password now and tell the board.\n",
  "mail.emailChange.byAdmin.subject": "Your login email was changed",
  "mail.emailChange.byAdmin.body":
    "Hello,\n\nan administrator changed the login email of your makerspace account to {email}. You were logged out everywhere; log in with the new address.\n\nIf you did not ask for this, contact the board.\n",
  "loginEmail.title": "Login email",
  "loginEmail.current": "You log in with {email}.",
  "loginEmail.intro":
    "To change it, give the new address and your password. We mail a link to the new address; the login changes once you use it. The contact email in your profile above is separate.",
  "loginEmail.new": "New login email",
  "loginEmail.password": "Your current password",
  "loginEmail.submit": "Send confirmation link",
  "loginEmail.sent": "We mailed a link to {email}. Your login changes when you use it.",
  "loginEmail.mailFailed": "The mail could not be sent. Please try again later.",
  "loginEmail.confirm.title": "Confirm your new login email",
  "loginEmail.confirm.intro": "Press the button to log in with the new address from now on.",
  "loginEmail.confirm.submit": "Confirm new login email",
  "loginEmail.confirmed": "Done: log in with your new address from now on.",
  "loginEmail.error.forbidden": "You are not allowed to do this.",
  "loginEmail.error.not_found": "This person has no login.",
  "loginEmail.error.invalid_email": "This is not a valid email address.",
  "loginEmail.error.same_email": "This is the login email already.",
  "loginEmail.error.duplicate_email": "This email is already used by another person.",
  "loginEmail.error.wrong_password": "The password is wrong.",
  "loginEmail.error.invalid_token": "This link is invalid, expired or already used. Ask for a new one on your profile page.",
  "loginEmail.error.exceeds_own_permissions": exceeds,
  "loginEmail.error.outranks_you": outranks,
  "access.title": "Login and roles",
  "access.loginEmail": "Login email",
  "access.noLogin": "This person has no login.",
  "access.setLoginEmail": "Change login email",
  "access.loginEmailSet": "Login email changed; the person was logged out everywhere and got a notice at both addresses.",
  "access.roles": "Roles held directly",
  "access.rolesHint": "Besides these, the membership status and committee functions grant roles. Only roles within your own permissions can be given or taken.",
  "access.saveRoles": "Save roles",
  "access.rolesSaved": "Roles saved.",
  "access.outranked": "This person holds permissions you do not have: only someone who holds them may change this person.",
  "sessions.everywhere": "Log out everywhere",
  "sessions.everywhereIntro": "Ends every session of your account on every device, this one included (for a lost phone or a shared computer).",
};
