/** Mails at the moments that matter and the profile's choice of them (issue 16). */
export const noticesEn = {
  "mail.application.received.subject": "We have your application",
  "mail.application.received.body":
    "Hello {name},\n\nthank you for confirming your email address. Your application is now with the board, and you will get an email as soon as it has decided.\n\nUntil then you can log in and see where your application stands:\n{link}\n",
  "mail.application.approved.subject": "Welcome: your application is approved",
  "mail.application.approved.body":
    "Hello {name},\n\nthe board has approved your application. Welcome!\n\nYour membership status: {status}\nYour member number: {number}\n\nLog in to see your membership, the trainings you can take and the machines you may use:\n{link}\n",
  "mail.application.rejected.subject": "Your application",
  "mail.application.rejected.body":
    "Hello {name},\n\nthe board has decided not to accept your application. If you have questions, please reply to this mail or talk to the board.\n",
  "mail.status.subject": "Your membership status is now: {status}",
  "mail.status.body": 'Hello {name},\n\nyour membership status changed from "{from}" to "{status}".\n\nYour membership on your start page:\n{link}\n',
  "mail.signedUp.subject": "You have a seat: {type} ({level}), {when}",
  "mail.signedUp.body":
    'Hello {name},\n\nyou are signed up for the training {type} ({level}) on {when}, room: {room}.\n\nIf you cannot come, please cancel on "My equipment" so that someone on the waitlist gets your seat:\n{link}\n',
  "mail.waitlisted.subject": "On the waitlist: {type} ({level}), {when}",
  "mail.waitlisted.body":
    "Hello {name},\n\nthe training {type} ({level}) on {when} is full, so you are on its waitlist. When a seat becomes free it is yours at once, and we will mail you.\n\n{link}\n",
  "mail.passed.subject": "You passed: {type} ({level})",
  "mail.passed.body": "Hello {name},\n\ncongratulations: you passed the training {type} ({level}). {until}\n\nYour equipment:\n{link}\n",
  "mail.passed.until": "Your authorization is valid until {date}.",
  "mail.passed.noExpiry": "Your authorization does not expire.",
  "mail.bookingCancelled.subject": "Your booking of {machine} was cancelled",
  "mail.bookingCancelled.body":
    "Hello {name},\n\nyour booking of {machine}, {when}, was cancelled by the space's staff.\n\nYou can book another time here:\n{link}\n",
  "mail.lent.subject": "You borrowed: {thing}",
  "mail.lent.body": 'Hello {name},\n\nyou borrowed "{thing}" from the space. Please bring it back by {due}.\n\nYour loans:\n{link}\n',
  "mail.returned.subject": "Returned: {thing}",
  "mail.returned.body": 'Hello {name},\n\nthank you: "{thing}" is marked as returned on {when}.\n',
  "mailPrefs.title": "Mails",
  "mailPrefs.intro": "Choose which mails you get. Mails about your application, your membership status, overdue loans and your login are always sent.",
  "mailPrefs.training": "Trainings: sign-up, waitlist, a seat for you, passed, changed or cancelled sessions, authorizations running out",
  "mailPrefs.loans": "Loans: a thing lent to you, a reminder when it is due soon, and its return",
  "mailPrefs.bookings": "Bookings: a booking of yours cancelled by someone else",
  "mailPrefs.save": "Save mail choices",
  "mailPrefs.saved": "Your mail choices are saved.",
  "mail.dueSoon.subject": "Due back on {due}: {thing}",
  "mail.dueSoon.body":
    'Hello {name},\n\n"{thing}", which you borrowed from the space, is due back on {due}. Please bring it back by then, or ask for more time.\n\nYour loans:\n{link}\n\nYou can turn off these mails on your profile page, under Mails.\n',
} as const;
