import { expect, test } from "@playwright/test";
import { storageStateOf, submitAndSettle } from "./fixtures";
import { confirmLinkIn, openMailbox } from "./mailbox";
import { LoginPage } from "./pages/login-page";

let mailbox: Awaited<ReturnType<typeof openMailbox>>;
test.beforeAll(async () => {
  mailbox = await openMailbox();
});
test.afterAll(() => mailbox?.close());

test("a visitor applies, confirms by the mailed link, an admin approves, they log in", async ({ page, browser }) => {
  test.slow(); // two browsers, several round trips through the mail
  const email = "nora.neu@example.org";
  const password = "nora-applies-2026";
  await page.goto("/login");
  await page.getByRole("link", { name: "New here? Become a member" }).click();
  await expect(page.getByRole("heading", { name: "Become a member" })).toBeVisible();
  await page.getByLabel("First name").fill("Nora");
  await page.getByLabel("Last name").fill("Neu");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await submitAndSettle(page, "Apply");
  await expect(page.getByRole("main").getByRole("status")).toContainText("open the link we just mailed you");

  // The same email again gets the same answer (the form reveals no accounts); the owner is told by mail instead.
  await page.goto("/signup");
  await page.getByLabel("First name").fill("Nora");
  await page.getByLabel("Last name").fill("Again");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await submitAndSettle(page, "Apply");
  await expect(page.getByRole("main").getByRole("status")).toContainText("open the link we just mailed you");

  await expect.poll(() => mailbox.mails.filter((m) => m.to.includes(email)).length, { timeout: 15_000 }).toBe(2);
  expect(mailbox.mails.filter((m) => m.to.includes(email))[1]!.raw).toContain("Someone tried to sign up");
  const link = confirmLinkIn(mailbox.mails.find((m) => m.to.includes(email))!.raw);
  expect(link).toBeTruthy();

  // Opening the link (as a mail scanner would) confirms nothing: the login is refused, saying why, and offers a new link.
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(email, password);
  await expect(login.error).toContainText("Your email address is not confirmed yet.");
  await submitAndSettle(page, "Send the confirmation link again");
  await expect(page.getByRole("main").getByRole("status")).toContainText(
    `If ${email} belongs to an application waiting for confirmation, a new link is on its way`,
  );
  await expect.poll(() => mailbox.mails.filter((m) => m.to.includes(email)).length, { timeout: 15_000 }).toBe(3);
  const newLink = confirmLinkIn(mailbox.mails.filter((m) => m.to.includes(email))[2]!.raw);
  expect(newLink).toBeTruthy();
  expect(newLink).not.toBe(link);

  // The first link died with the new one.
  await page.goto(link!);
  await submitAndSettle(page, "Confirm my email address");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("invalid, expired or already used");
  await page.goto(newLink!);
  await submitAndSettle(page, "Confirm my email address");
  await expect(page.getByRole("main").getByRole("status")).toContainText("Your email address is confirmed");

  // Confirmed, not yet approved: she logs in and reads where her application stands.
  const waiting = await (await browser.newContext()).newPage();
  const waitingLogin = new LoginPage(waiting);
  await waitingLogin.goto();
  await waitingLogin.logIn(email, password);
  await waitingLogin.expectLoggedIn();
  await expect(waiting.getByTestId("application-status")).toContainText("Your application is waiting for approval by the board.");
  await expect(waiting.getByTestId("application-status")).toContainText("you get an email as soon as it has decided");
  await waiting.context().close();

  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const adminPage = await admin.newPage();
  await adminPage.goto("/admin/people");
  await adminPage.getByRole("link", { name: /Applicants \(\d+\)/ }).click();
  const entry = adminPage.getByRole("listitem", { name: "Nora Neu" });
  await expect(entry).toContainText(email);
  await entry.getByRole("button", { name: "Approve" }).click();
  await expect(adminPage.getByRole("listitem", { name: "Nora Neu" })).toHaveCount(0);
  await adminPage.goto("/admin/people?q=nora.neu");
  await adminPage.getByRole("link", { name: /Nora Neu/ }).click();
  await expect(adminPage.getByText(/Member number: \d+ · Member/)).toBeVisible();
  await admin.close();

  await login.goto();
  await login.logIn(email, password);
  await login.expectLoggedIn();
});

test.describe("CSV import", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("shows the bad row with its field, writes nothing until confirmed, then the good rows", async ({ page }) => {
    await page.goto("/admin/people");
    await page.getByRole("link", { name: "Import CSV" }).click();
    const csv = [
      "firstName,lastName,email,phone,status,cardUid",
      "Ida,Import,ida.import@example.org,,member,",
      "Bad,Row,not-an-email,,member,",
      "Ivo,Import,ivo.import@example.org,,supporting,",
    ].join("\n");
    await page.getByLabel("… or paste the CSV text").fill(csv);
    await page.getByRole("button", { name: "Check and preview" }).click();
    const bad = page.getByRole("region", { name: "Rows with problems" });
    await expect(bad.getByRole("row", { name: /^3 email/ })).toBeVisible();
    await expect(page.getByRole("region", { name: "Rows ready to import" }).getByRole("row")).toHaveCount(3);

    // Previewing wrote nothing.
    await page.goto("/admin/people?q=import%40example");
    await expect(page.getByText("Nobody matches this search.")).toBeVisible();
    await page.goBack();
    await page.getByLabel("… or paste the CSV text").fill(csv);
    await page.getByRole("button", { name: "Check and preview" }).click();
    await page.getByRole("button", { name: "Import the valid rows, skip the rows with problems" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Imported 2 people; 1 row skipped.");

    await page.goto("/admin/people?q=import%40example");
    await expect(page.getByRole("table").getByRole("row", { name: /Ida Import/ })).toBeVisible();
    await expect(page.getByRole("table").getByRole("row", { name: /Ivo Import/ })).toBeVisible();
  });
});
