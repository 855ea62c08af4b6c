import path from "node:path";
import type { Locator, Page } from "@playwright/test";

/** The demo accounts seeded by scripts/start.ts, all with the password the config passed as DEMO_PASSWORD. */
export const DEMO_PASSWORD = process.env.E2E_DEMO_PASSWORD ?? "e2e-demo-password";

export const USERS = {
  admin: { email: "admin@makerspace.local", name: "Ada Admin" },
  member: { email: "member@makerspace.local", name: "Mario Rossi" },
  maria: { email: "maria@makerspace.local", name: "Maria Huber" },
} as const;

export const storageStateOf = (role: "admin" | "member") => path.join(import.meta.dirname, ".auth", `${role}.json`);

/**
 * Submits a server-action form by its button (inside `within`, the page by default) and waits until it has settled:
 * for the server's answer (a message left over from an earlier attempt would otherwise pass at once), then for React
 * to apply it — until then the submit button is disabled, and React resets the form when it finishes, which would
 * wipe fields typed in the meantime.
 */
export async function submitAndSettle(page: Page, button: string, within: Page | Locator = page): Promise<void> {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined),
    within.getByRole("button", { name: button }).click(),
  ]);
  await page.waitForFunction(() => !document.querySelector("main form button[type=submit][disabled]"));
}

/**
 * Clicks a button that asks first (components/ui ConfirmButton, inside `within`) and then its dialog's "yes" — named
 * `yes`, the button's own label unless the dialog says otherwise.
 */
export async function clickAndConfirm(within: Page | Locator, button: string, yes = button): Promise<void> {
  await within.getByRole("button", { name: button }).click();
  await within.getByRole("dialog").getByRole("button", { name: yes }).click();
}
