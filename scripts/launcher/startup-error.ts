/** A problem the person starting the system can fix; printed as one clear line, never as a stack trace. */
export class StartupError extends Error {}

/** Hides the password in a connection string before it is printed. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
