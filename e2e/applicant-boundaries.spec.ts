import { expect, test, type Browser, type Page } from "@playwright/test";
import { storageStateOf, submitAndSettle } from "./fixtures";
import { confirmLinkIn, openMailbox } from "./mailbox";
import { LoginPage } from "./pages/login-page";

/*
 * Issue 13: an applicant (confirmed, not yet approved) sees what a visitor sees — no members-only event, room
 * schedule entry or calendar entry, and no members' pages (bookings, training). Their own user, made here through
 * the sign-up; the demo users are only looked through. And a name follows its person's visibility: a member who
 * shows her name to the board only is not named to another member on a page that lists names (a poll's voters),
 * while the board sees it.
 */

let mailbox: Awaited<ReturnType<typeof openMailbox>>;
test.beforeAll(async () => {
  mailbox = await openMailbox();
});
test.afterAll(() => mailbox?.close());

async function as(browser: Browser, role: "admin" | "member"): Promise<Page> {
  return (await browser.newContext({ storageState: storageStateOf(role) })).newPage();
}

/** A confirmed applicant, logged in in a browser of their own (Ann Wait <suffix>). */
async function confirmedApplicant(browser: Browser, suffix: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const email = `ann.wait.${suffix}@example.org`;
  const password = `ann-waits-${suffix}`;
  await page.goto("/signup");
  await page.getByLabel("First name").fill("Ann");
  await page.getByLabel("Last name").fill(`Wait ${suffix}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await submitAndSettle(page, "Apply");
  await expect.poll(() => mailbox.mails.filter((m) => m.to.includes(email)).length, { timeout: 15_000 }).toBe(1);
  await page.goto(confirmLinkIn(mailbox.mails.find((m) => m.to.includes(email))!.raw)!);
  await submitAndSettle(page, "Confirm my email address");
  await expect(page.getByRole("main").getByRole("status")).toContainText("Your email address is confirmed");
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(email, password);
  await login.expectLoggedIn();
  await expect(page.getByTestId("application-status")).toContainText("waiting for approval");
  return page;
}

test("a confirmed applicant sees no members-only event, room entry or calendar entry, and no bookings or training page", async ({ browser }) => {
  test.slow(); // three browsers and a mail round trip on a two-core machine
  const suffix = Date.now().toString(36);
  const room = `Vault ${suffix}`;
  const title = `Members night ${suffix}`;
  const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);

  // The admin adds a room and a members-only event in it (members only is the form's default; chosen anyway).
  const admin = await as(browser, "admin");
  await admin.goto("/admin/rooms");
  await admin.locator("#room-new-name").fill(room);
  await admin
    .locator("form", { has: admin.locator("#room-new-name") })
    .getByRole("button", { name: "Add" })
    .click();
  await expect(admin.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await admin.goto("/admin/events/new");
  await admin.getByLabel("Title").fill(title);
  await admin.getByLabel("Starts").fill(`${day}T19:00`);
  await admin.getByLabel("Ends").fill(`${day}T21:00`);
  await admin.locator("#field-visibility").selectOption("members");
  await admin.getByRole("group", { name: "Rooms" }).getByLabel(room).check();
  await admin.getByRole("button", { name: "Save event" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const eventPath = new URL(admin.url()).pathname;
  const roomPath = (await admin.getByRole("main").getByRole("link", { name: room }).getAttribute("href"))!;
  expect(roomPath).toMatch(/^\/rooms\/\d+$/);
  await admin.context().close();

  // A member sees all three: the control that the event is there to be seen.
  const member = await as(browser, "member");
  await member.goto(`/calendar?view=month&date=${day}`);
  await expect(member.getByRole("main")).toContainText(title);
  await member.goto(roomPath);
  await expect(member.getByRole("main")).toContainText(title);
  await member.goto(eventPath);
  await expect(member.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(member.getByRole("button", { name: "Sign up" })).toBeVisible();
  await member.context().close();

  const applicant = await confirmedApplicant(browser, suffix);
  await applicant.goto(`/calendar?view=month&date=${day}`);
  await expect(applicant.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();
  await expect(applicant.getByRole("main")).not.toContainText(title);
  await applicant.goto(roomPath);
  await expect(applicant.getByRole("heading", { level: 1, name: room })).toBeVisible();
  await expect(applicant.getByRole("main")).not.toContainText(title);
  // The event itself is not found (its title is not even named), so there is nothing to sign up for.
  const event = await applicant.goto(eventPath);
  expect(event?.status()).toBe(404);
  await expect(applicant.getByRole("main")).not.toContainText(title);
  await expect(applicant.getByRole("button", { name: "Sign up" })).toHaveCount(0);
  for (const path of ["/bookings", "/training"]) {
    const page = await applicant.goto(path);
    expect(page?.status(), path).toBe(403);
  }
  // The home page's upcoming events leave it out too.
  await applicant.goto("/home");
  await expect(applicant.getByRole("main")).not.toContainText(title);
});

test("a member who shows her name to the board only is not named among a poll's voters to a member; the admin sees her", async ({ browser }) => {
  test.slow(); // four browsers and a mail round trip on a two-core machine
  const suffix = `h${Date.now().toString(36)}`;
  const name = `Ann Wait ${suffix}`;
  const ann = await confirmedApplicant(browser, suffix);

  // The admin approves her and asks a (named) question.
  const admin = await as(browser, "admin");
  await admin.goto("/admin/people/applicants");
  await admin.getByRole("listitem", { name }).getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByRole("listitem", { name })).toHaveCount(0);
  await admin.goto("/polls");
  await admin.getByRole("link", { name: "New poll" }).click();
  const form = admin.getByRole("form", { name: "New poll" });
  const question = `Paint the door ${suffix}?`;
  await form.getByLabel("Question").fill(question);
  await form.getByLabel("Options (one per line)").fill("Yes\nNo");
  await form.getByRole("button", { name: "Create poll" }).click();
  await expect(admin.getByRole("heading", { name: question })).toBeVisible();
  const pollUrl = admin.url();

  // Ann, now a member, shows her name to the board only, and votes.
  await ann.goto("/profile");
  const visibility = ann.getByRole("form", { name: "Who sees what" });
  await visibility.getByLabel("Name", { exact: true }).selectOption("board");
  await visibility.getByRole("button", { name: "Save visibility" }).click();
  await expect(visibility.getByRole("status")).toBeVisible();
  await ann.goto(pollUrl);
  await ann.getByRole("form", { name: "Vote" }).getByLabel("Yes").check();
  await ann.getByRole("form", { name: "Vote" }).getByRole("button", { name: "Vote" }).click();
  await expect(ann.getByRole("form", { name: "Vote" }).getByRole("status")).toHaveText("Your vote was saved.");
  // She sees her own name.
  await expect(ann.getByRole("region", { name: "Results" }).getByTestId("poll-result").filter({ hasText: "Yes" })).toContainText(name);

  // A member votes and reads the results: two votes, her name nowhere on the page.
  const member = await as(browser, "member");
  await member.goto(pollUrl);
  await member.getByRole("form", { name: "Vote" }).getByLabel("No").check();
  await member.getByRole("form", { name: "Vote" }).getByRole("button", { name: "Vote" }).click();
  const results = member.getByRole("region", { name: "Results" });
  await expect(results.getByText("2 people voted")).toBeVisible();
  await expect(results.getByTestId("poll-result").filter({ hasText: "No" })).toContainText("Mario Rossi");
  await expect(member.getByRole("main")).not.toContainText(`Wait ${suffix}`);
  await member.context().close();

  // The board sees her.
  await admin.goto(pollUrl);
  await admin.getByRole("form", { name: "Vote" }).getByLabel("No").check();
  await admin.getByRole("form", { name: "Vote" }).getByRole("button", { name: "Vote" }).click();
  await expect(admin.getByRole("region", { name: "Results" }).getByTestId("poll-result").filter({ hasText: "Yes" })).toContainText(name);
  await admin.context().close();
});
