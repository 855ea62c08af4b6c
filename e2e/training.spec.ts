import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, storageStateOf } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { MainNav } from "./pages/main-nav";

async function loggedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(email, DEMO_PASSWORD);
  await login.expectLoggedIn();
  return page;
}

/** A datetime-local value in the space's zone (the demo's Europe/Vienna), `minutes` from now, on a whole minute. */
function localInSpace(minutes: number): string {
  const at = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + minutes * 60_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/Vienna",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

// One story across three people: the steps depend on each other.
test.describe.configure({ mode: "serial" });

test("a trainer schedules a session, a member signs up, passes once it has started, and may use the laser", async ({ browser }) => {
  // A long story across three browsers on a two-core machine, which waits for the session to begin (≤ 3 minutes).
  test.setTimeout(6 * 60_000);
  const trainer = await loggedIn(browser, "trainer@makerspace.local");
  const maria = await loggedIn(browser, "maria@makerspace.local");

  // Maria is not trained on the laser yet.
  await maria.goto("/equipment");
  const mariasLaser = maria.getByRole("region", { name: "Laser cutter" });
  await expect(mariasLaser.locator('dd[data-level="user"]')).toContainText("not yet");

  // The trainer schedules a user session on the laser starting in a few minutes: attendance waits for the start.
  await new MainNav(trainer).go("Calendar & machines", "Training sessions");
  const schedule = trainer.getByRole("form", { name: "Schedule a session" });
  await schedule.getByLabel("Equipment type").selectOption({ label: "Laser cutter" });
  await schedule.getByLabel("Level to train").selectOption("user");
  await schedule.getByLabel("Room").fill("Workshop, laser corner");
  await schedule.getByLabel("Seats").fill("2");
  await schedule.getByLabel("Starts").fill(localInSpace(2));
  await schedule.getByLabel("Ends").fill(localInSpace(120));
  await schedule.getByRole("button", { name: "Schedule" }).click();
  await expect(trainer).toHaveURL(/\/training\/sessions\/\d+$/);
  await expect(trainer.getByRole("heading", { name: "Laser cutter: user" })).toBeVisible();
  await expect(trainer.getByText("Nobody has signed up yet.")).toBeVisible();
  await expect(trainer.getByText("Attendance can be recorded once the session has started.")).toBeVisible();

  // Maria sees it on "my equipment" and signs up.
  await maria.reload();
  const session = mariasLaser.getByRole("listitem", { name: "Laser cutter: user" });
  await expect(session).toContainText("Workshop, laser corner");
  await expect(session).toContainText("2 of 2 seats free");
  await session.getByRole("button", { name: "Sign up" }).click();
  await expect(session.getByRole("status")).toHaveText("You are signed up.");
  await expect(session).toContainText("You have a seat.");

  // The trainer moves the session to another room; Maria's view follows (she is mailed too: see session-edit.int.test.ts).
  await trainer.reload();
  await trainer.getByText("Change this session").click();
  const change = trainer.getByRole("form", { name: "Change this session" });
  await expect(change.getByLabel("Seats")).toHaveValue("2");
  await change.getByLabel("Room").fill("Workshop, big table");
  await change.getByRole("button", { name: "Save changes" }).click();
  await expect(change.getByRole("status")).toContainText("The session is saved.");
  await maria.reload();
  await expect(session).toContainText("Workshop, big table");

  // Before the session starts there is no attendance to record; once it has, the trainer marks her as passed.
  await trainer.reload();
  const attendance = trainer.getByRole("form", { name: "Attendance of Maria Huber" });
  await expect(async () => {
    await trainer.reload();
    await expect(attendance).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 4 * 60_000, intervals: [5_000] });
  await attendance.getByLabel("passed").check();
  await attendance.getByRole("button", { name: "Save" }).click();
  await expect(trainer.getByRole("listitem", { name: "Maria Huber" })).toContainText("Marked: passed");

  // Her "my equipment" shows the new authorization, valid for the laser's 24 months.
  await maria.reload();
  const userLevel = mariasLaser.locator('dd[data-level="user"]');
  await expect(userLevel).toContainText("since");
  await expect(userLevel).toContainText("until");
  await expect(userLevel).toContainText(String(new Date().getFullYear() + 2));
  await expect(userLevel).not.toContainText("not yet");
});

test.describe("admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("tests Maria's card on the laser: the board would let her in now", async ({ page }) => {
    await page.goto("/admin/equipment");
    await page.getByRole("link", { name: "Test a card on a machine" }).click();
    const form = page.getByRole("form", { name: "Test a card on a machine" });
    await form.getByLabel("Card UID").fill("C0000003");
    await form.getByLabel("Machine").selectOption({ label: "LASER 1 (Laser cutter)" });
    await form.getByRole("button", { name: "Test" }).click();
    await expect(form.getByRole("status")).toHaveText("Allowed: board level 1 (trained user).");

    await form.getByLabel("Card UID").fill("d0000004");
    await form.getByLabel("Machine").selectOption({ label: "LASER 1 (Laser cutter)" });
    await form.getByRole("button", { name: "Test" }).click();
    await expect(form.getByRole("alert")).toHaveText("Refused: The holder's membership status does not allow using machines.");
  });

  test("blocks a machine with a reason that members see, and puts it back in service", async ({ page }) => {
    await page.goto("/admin/equipment");
    await page.getByRole("link", { name: "CNC ROUTER", exact: true }).click();
    const block = page.getByRole("form", { name: "Out of service" });
    await block.getByRole("button", { name: "Block the machine" }).click();
    // The browser asks for the reason first (required field); nothing was sent.
    await block.getByLabel("Reason (members see it)").fill("Spindle bearing worn");
    await block.getByRole("button", { name: "Block the machine" }).click();
    await expect(page.getByText("blocked: Spindle bearing worn")).toBeVisible();

    await page.goto("/equipment");
    await expect(page.getByRole("region", { name: "CNC router" })).toContainText("Out of service: CNC ROUTER (Spindle bearing worn)");

    await page.goto("/admin/equipment");
    await page.getByRole("link", { name: "CNC ROUTER", exact: true }).click();
    await page.getByRole("form", { name: "Out of service" }).getByRole("button", { name: "Put back in service" }).click();
    await expect(page.getByText("in service", { exact: true })).toBeVisible();
  });
});

test.describe("admin machines", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("creates a machine, is told when the board id is taken without losing the form, and deletes it", async ({ page }) => {
    await page.goto("/admin/equipment");
    await page.getByRole("link", { name: "New machine" }).click();
    const form = page.getByRole("form", { name: "New machine" });
    await form.getByLabel("Name").fill("PRUSA XL");
    await form.getByLabel("Equipment type").selectOption({ label: "3D printer" });
    await form.getByLabel("Board id").fill("1");
    await form.getByLabel("Location").fill("Electronics room");
    await form.getByRole("button", { name: "Create" }).click();
    await expect(form.getByRole("alert")).toHaveText("This board id is already used by another machine.");
    await expect(form.getByLabel("Name")).toHaveValue("PRUSA XL");
    await expect(form.getByLabel("Location")).toHaveValue("Electronics room");

    await form.getByLabel("Board id").fill("41");
    await form.getByRole("button", { name: "Create" }).click();
    await expect(page.getByRole("heading", { name: "Edit PRUSA XL" })).toBeVisible();
    await page.getByRole("form", { name: "Delete" }).getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(/\/admin\/equipment$/);
    await expect(page.getByRole("link", { name: "PRUSA XL" })).toHaveCount(0);
  });
});

test.describe("a member", () => {
  test.use({ storageState: storageStateOf("member") });

  test("may not open the equipment admin or the trainer pages", async ({ page }) => {
    for (const path of ["/admin/equipment", "/admin/equipment/test-card", "/admin/equipment/people/1", "/training"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    }
    expect(await new MainNav(page).linkNames()).not.toContain("Training sessions");
  });
});
