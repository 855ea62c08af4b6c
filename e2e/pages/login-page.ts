import { expect, type Page } from "@playwright/test";
import { submitAndSettle } from "../fixtures";

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
    await submitAndSettle(this.page, "Log in");
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
