import { expect, test, type Browser, type Page } from "@playwright/test";
import { clickAndConfirm, DEMO_PASSWORD, storageStateOf } from "./fixtures";
import { LoginPage } from "./pages/login-page";

// The environment says Europe/Vienna (the default); the admin saves America/New_York, six hours behind. Everything
// typed as 10:00 must be stored and shown as 10:00 New York time, not read as Vienna time and shown at 04:00.
const SAVED_ZONE = "America/New_York";
const day = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);
const dayShown = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(day)); // "20 Jan 2027"

async function pageAs(browser: Browser, who: "admin" | "member" | "trainer"): Promise<Page> {
  if (who !== "trainer") return (await browser.newContext({ storageState: storageStateOf(who) })).newPage();
  const page = await (await browser.newContext()).newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn("trainer@makerspace.local", DEMO_PASSWORD);
  await login.expectLoggedIn();
  return page;
}

async function saveTimeZone(admin: Page, zone: string): Promise<string> {
  await admin.goto("/admin/settings");
  const field = admin.getByLabel("Time zone");
  const before = await field.inputValue();
  await field.fill(zone);
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByRole("status")).toHaveText("Settings saved.");
  return before;
}

test("with another time zone saved than the environment's, a booking, a training and an event made for 10:00 are at 10:00", async ({ browser }) => {
  test.slow(); // three people, one story
  const admin = await pageAs(browser, "admin");
  const original = await saveTimeZone(admin, SAVED_ZONE);
  const trainer = await pageAs(browser, "trainer");
  let sessionUrl: string | null = null;
  try {
    // A member books the laser from 10:00 to 11:00 and finds the booking at 10:00 in their list.
    const member = await pageAs(browser, "member");
    await member.goto("/bookings");
    await member.getByLabel("Machine").selectOption({ label: "LASER 1" });
    await member.getByLabel("From").fill(`${day}T10:00`);
    await member.getByLabel("Until").fill(`${day}T11:00`);
    await member.getByRole("button", { name: "Book", exact: true }).click();
    // The answer says what was booked, when, in the saved zone.
    await expect(member.getByRole("status")).toHaveText(`Booked LASER 1, ${dayShown}, 10:00–11:00.`);
    await member.reload();
    await expect(member.getByRole("listitem").filter({ hasText: `LASER 1: ${dayShown}` })).toContainText(`${dayShown}, 10:00–11:00`);

    // A trainer schedules a session from 10:00 to 12:00: its page and the calendar show 10:00.
    await trainer.goto("/training");
    const schedule = trainer.getByRole("form", { name: "Schedule a session" });
    await expect(schedule).toContainText(`Times in ${SAVED_ZONE}.`);
    await schedule.getByLabel("Equipment type").selectOption({ label: "Laser cutter" });
    await schedule.getByLabel("Level to train").selectOption("owner");
    await schedule.getByLabel("Starts").fill(`${day}T10:00`);
    await schedule.getByLabel("Ends").fill(`${day}T12:00`);
    await schedule.getByLabel("Room").fill("Time zone test room");
    await schedule.getByRole("button", { name: "Schedule" }).click();
    await expect(trainer).toHaveURL(/\/training\/sessions\/\d+$/);
    sessionUrl = trainer.url();
    await expect(trainer.getByRole("main")).toContainText("10:00–12:00");
    await trainer.goto(`/calendar?view=agenda&date=${day}`);
    await expect(trainer.getByText(/^10:00 Training: Laser cutter/)).toBeVisible();
    await expect(trainer.getByText(/^10:00 Booking: LASER 1/)).toBeVisible();

    // An admin creates an event from 10:00 to 11:00 (the form proposes the saved zone).
    await admin.goto("/admin/events/new");
    await expect(admin.getByLabel("Time zone")).toHaveValue(SAVED_ZONE);
    await admin.getByLabel("Title").fill("Time zone check");
    await admin.getByLabel("Starts").fill(`${day}T10:00`);
    await admin.getByLabel("Ends").fill(`${day}T11:00`);
    await admin.getByRole("button", { name: "Save event" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Time zone check" })).toBeVisible();
    await expect(admin.getByTestId("event-when")).toContainText(`10:00–11:00 (${SAVED_ZONE})`);
  } finally {
    // Leave no session behind for the training story, and give the space its zone back.
    if (sessionUrl) {
      await trainer.goto(sessionUrl);
      await clickAndConfirm(trainer, "Cancel this session");
      await expect(trainer.getByRole("heading", { level: 1 })).toContainText("cancelled");
    }
    await saveTimeZone(admin, original);
  }
});
