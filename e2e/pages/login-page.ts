import { expect, type Page } from "@playwright/test";

/** Page object for /login, so specs say what they do rather than which inputs they fill. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/login");
    await expect(this.page.getByRole("heading", { name: "Log in" })).toBeVisible();
  }

  async logIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    // Wait for the action's answer: a message left over from the previous attempt would otherwise pass at once.
    await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login"),
      this.page.getByRole("button", { name: "Log in" }).click(),
    ]);
    // …and for React to apply it: until then the submit button is disabled, and React resets the form when
    // it finishes, which would wipe fields typed in the meantime.
    await this.page.waitForFunction(() => !document.querySelector("main form button[type=submit][disabled]"));
  }

  async expectLoggedIn(): Promise<void> {
    await expect(this.page).toHaveURL(/\/home$/);
    await expect(this.page.getByRole("button", { name: "Log out" })).toBeVisible();
  }

  get error() {
    // Next.js adds its own (empty) role=alert route announcer; the form message is inside <main>.
    return this.page.getByRole("main").getByRole("alert");
  }
}
