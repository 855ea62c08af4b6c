/** The receipt of an anonymous vote lives only in this httpOnly cookie, scoped to the poll's page. */
export const receiptCookie = (pollId: number) => `poll_receipt_${pollId}`;
