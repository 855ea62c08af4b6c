/**
 * The error pages' texts (components/ui/error-view.tsx), spread into the English catalog. Their own file because
 * app/global-error.tsx imports them into the browser without the rest: when the root layout fails there is no
 * provider that passes messages down.
 */
export const errorEn = {
  "error.title": "Something went wrong",
  "error.body": "The error was logged. Please try again.",
  "error.retry": "Try again",
  "error.reference": "Reference: {digest}",
  "error.referenceHint": "Quote this reference when you report the error; the server's log lists it with the details.",
  "error.home": "Go to the start page",
} as const;
