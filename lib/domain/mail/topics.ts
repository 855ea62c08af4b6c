/**
 * What a person may switch off on their profile. Mails about their application and their membership status are
 * essential and always sent; so is a loan that is overdue (the thing belongs to the space).
 */
export const MAIL_TOPICS = ["training", "loans", "bookings"] as const;
export type MailTopic = (typeof MAIL_TOPICS)[number];

export function isMailTopic(value: string): value is MailTopic {
  return (MAIL_TOPICS as readonly string[]).includes(value);
}
