import { expect, test } from "@playwright/test";
import { openMailbox, resetLinkIn } from "./mailbox";
import { LoginPage } from "./pages/login-page";

let mailbox: Awaited<ReturnType<typeof openMailbox>>;
test.beforeAll(async () => {
  mailbox = await openMailbox();
});
test.afterAll(() => mailbox?.close());

test("forgot password: the mailed link sets a new password, once", async ({ page }) => {
  const email = "applicant@makerspace.local";
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  // The login page has an Email field too: wait until the navigation is done before typing.
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send link" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("If an account exists");

  await expect.poll(() => mailbox.mails.filter((m) => m.to.includes(email)).length, { timeout: 15_000 }).toBe(1);
  const link = resetLinkIn(mailbox.mails.find((m) => m.to.includes(email))!.raw);
  expect(link).toBeTruthy();

  await page.goto(link!);
  await page.getByLabel("New password", { exact: true }).fill("a-fresh-password-42");
  await page.getByLabel("Repeat the new password").fill("a-fresh-password-42");
  await page.getByRole("button", { name: "Save password" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Your password was changed. You can log in now.");

  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(email, "a-fresh-password-42");
  await login.expectLoggedIn();
  await page.getByRole("button", { name: "Log out" }).click();

  await page.goto(link!);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("invalid, expired or already used");
});

test("repeated wrong passwords lock the account for a while", async ({ page }) => {
  // The applicant's account: no later spec logs in with it (the lock outlasts the run of the specs).
  const email = "applicant@makerspace.local";
  const login = new LoginPage(page);
  await login.goto();
  for (let i = 0; i < 5; i++) {
    await login.logIn(email, `wrong-${i}`);
    await expect(login.error).toHaveText("Email or password is wrong.");
    // The email stays filled in after a failed attempt.
    await expect(page.getByLabel("Email")).toHaveValue(email);
  }
  await login.logIn(email, `wrong-again`);
  await expect(login.error).toHaveText("Too many failed attempts. Please wait a few minutes and try again.");
});
