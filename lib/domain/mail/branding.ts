import type { MailMessage } from "./mailer";

export interface MailBrand {
  /** The space's name from the settings. */
  name: string;
  /** The sender from the settings: "Name <address>" or a bare address; only the address is kept. */
  mailFrom: string;
  website?: string | null;
}

/** The address inside "Name <address>", or the whole string when it is a bare address. */
export function senderAddress(mailFrom: string): string {
  const match = /<([^<>]+)>\s*$/.exec(mailFrom);
  return (match ? match[1]! : mailFrom).trim();
}

/**
 * Every mail carries the space's name: as the sender's name, in the subject ("[Name] …" unless already named)
 * and in the signature. Done once here, so no sender can forget it.
 */
export function brandMessage(message: MailMessage, brand: MailBrand): MailMessage & { from: { name: string; address: string } } {
  const subject = message.subject.includes(brand.name) ? message.subject : `[${brand.name}] ${message.subject}`;
  const signature = `-- \n${brand.name}${brand.website ? `\n${brand.website}` : ""}`;
  return {
    ...message,
    subject,
    text: `${message.text.trimEnd()}\n\n${signature}\n`,
    from: { name: brand.name, address: senderAddress(brand.mailFrom) },
  };
}
