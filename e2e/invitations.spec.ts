import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures";
import { openMailbox } from "./mailbox";
import { LoginPage } from "./pages/login-page";

let mailbox: Awaited<ReturnType<typeof openMailbox>>;
test.beforeAll(async () => {
  mailbox = await openMailbox();
});
test.afterAll(() => mailbox?.close());

const inviteLinkIn = (raw: string) => raw.replace(/=\r?\n/g, "").match(/https?:\/\/\S+\/invitation\/[A-Za-z0-9_-]+/)?.[0];

test("moving in: an admin imports people from CSV and invites them; one sets a password from the mailed link and logs in", async ({ browser }) => {
  test.slow(); // two people, an import, mail and a login: more than one page's worth of steps
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const page = await admin.newPage();
  await page.goto("/admin/people/import");
  await page
    .getByLabel("… or paste the CSV text")
    .fill(["firstName,lastName,email,phone,status,cardUid", "Ines,Invited,ines.invited@example.org,,member,", "Otto,Offline,,,member,"].join("\n"));
  await page.getByRole("button", { name: "Check and preview" }).click();
  await page.getByRole("button", { name: "Import these people" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Imported 2 people");

  // The import's last step: invite them.
  await page.getByRole("link", { name: "Last step: invite the imported people to set their password." }).click();
  await expect(page.getByRole("heading", { name: "Invite everyone without a login" })).toBeVisible();
  await page.getByRole("button", { name: "Send the invitations" }).click();
  await expect(page.getByRole("status")).toHaveText("Done.");
  const report = page.getByRole("region", { name: "Report" });
  await expect(report.getByRole("row", { name: /^Skipped: no email address [1-9]/ })).toBeVisible();
  await expect(report.getByRole("row", { name: /^Failed \(mail server\) 0$/ })).toBeVisible();

  await expect.poll(() => mailbox.mails.filter((m) => m.to.includes("ines.invited@example.org")).length, { timeout: 15_000 }).toBe(1);
  const link = inviteLinkIn(mailbox.mails.find((m) => m.to.includes("ines.invited@example.org"))!.raw);
  expect(link).toBeTruthy();

  // The person page says she is invited.
  await page.goto("/admin/people?q=ines.invited");
  await page
    .getByRole("table")
    .getByRole("link", { name: /Ines Invited/ })
    .click();
  await expect(page.getByRole("region", { name: "Login", exact: true })).toContainText("Invited: a link to set a password went to ines.invited@example.org");
  await admin.close();

  // Ines, in a browser of her own.
  const ines = await browser.newContext();
  const her = await ines.newPage();
  await her.goto(link!);
  await expect(her.getByRole("heading", { name: "Set your password" })).toBeVisible();
  await her.getByLabel("Password", { exact: true }).fill("ines-new-password-7");
  await her.getByLabel("Repeat the password").fill("ines-new-password-7");
  await her.getByRole("button", { name: "Set password" }).click();
  await expect(her.getByRole("main").getByRole("status")).toHaveText("Your login is ready: you can log in with ines.invited@example.org now.");
  const login = new LoginPage(her);
  await login.goto();
  await login.logIn("ines.invited@example.org", "ines-new-password-7");
  await login.expectLoggedIn();
  await her.getByRole("button", { name: "Log out" }).click();
  await expect(her.getByRole("banner").getByRole("link", { name: "Log in" })).toBeVisible();

  // The link worked once.
  await her.goto(link!);
  await expect(her.getByRole("main").getByRole("alert")).toContainText("invalid or was already used");
  await ines.close();
});
