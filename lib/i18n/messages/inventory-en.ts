/** Inventory strings (issue 8), spread into the English catalog. */
export const inventoryEn = {
  "mail.loanOverdue.subject": "Please bring back: {thing} (#{number})",
  "mail.loanOverdue.body":
    "Hello {name},\n\nyou borrowed \"{thing}\" (#{number}) from the makerspace; it was due back on {due}.\nPlease bring it back soon, or talk to us if you need it longer.\n\n{link}\n\nThank you!\n",
} as const;
