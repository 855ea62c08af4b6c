import { expect, test, type Browser, type Page } from "@playwright/test";
import { storageStateOf } from "./fixtures";

async function as(browser: Browser, role: "admin" | "member"): Promise<Page> {
  return (await browser.newContext({ storageState: storageStateOf(role) })).newPage();
}

test.describe.configure({ mode: "serial" });

test("an admin books a room, a clash is refused naming the first event, a member signs up and finds it in the private feed", async ({ browser, request }) => {
  test.slow(); // a long story across two browsers on a two-core machine
  const admin = await as(browser, "admin");
  const suffix = Date.now().toString(36);
  const room = `Hall ${suffix}`;
  const title = `Repair café ${suffix}`;

  // The admin adds a room.
  await admin.goto("/admin/rooms");
  await admin.locator("#room-new-name").fill(room);
  await admin
    .locator("form", { has: admin.locator("#room-new-name") })
    .getByRole("button", { name: "Add" })
    .click();
  await expect(admin.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // …and an event in it.
  const createEvent = async (name: string, description = "") => {
    await admin.goto("/admin/events/new");
    await admin.getByLabel("Title").fill(name);
    await admin.getByLabel(/^Description/).fill(description);
    await admin.getByLabel("Starts").fill("2030-05-07T19:00");
    await admin.getByLabel("Ends").fill("2030-05-07T21:00");
    await admin.getByRole("group", { name: "Rooms" }).getByLabel(room).check();
    await admin.getByRole("button", { name: "Save event" }).click();
  };
  await createEvent(
    title,
    "Bring <b>broken</b> things\n<script>window.pwned = 1</script>\n\n- **soldering** kit\n- [wiki](https://wiki.example/x) [bad](javascript:window.pwned=2)",
  );
  await expect(admin.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // Member-typed HTML is shown as text, never interpreted.
  const description = admin.getByTestId("event-description");
  await expect(description).toContainText("Bring <b>broken</b> things");
  await expect(description.locator("b, script")).toHaveCount(0);
  // The safe Markdown subset is rendered; a javascript: link is not a link.
  await expect(description.locator("li strong")).toHaveText("soldering");
  await expect(description.getByRole("link", { name: "wiki" })).toHaveAttribute("href", "https://wiki.example/x");
  await expect(description.getByRole("link")).toHaveCount(1);
  await expect(description).toContainText("bad");
  expect(await admin.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  const eventUrl = admin.url();
  // The readable address from the title; the number still leads there.
  expect(eventUrl).toMatch(new RegExp(`/events/repair-cafe-${suffix}$`));
  const eventId = /\/admin\/events\/(\d+)\/edit/.exec((await admin.getByRole("link", { name: "Edit", exact: true }).getAttribute("href")) ?? "")?.[1];
  expect(eventId).toBeDefined();
  await admin.goto(`/events/${eventId}`);
  await expect(admin).toHaveURL(eventUrl);

  // A second event in the same room at the same time is refused, naming the first.
  await createEvent(`Clash ${suffix}`);
  await expect(admin.getByRole("alert").filter({ hasText: "Not saved" })).toContainText(title);
  await expect(admin.getByLabel("Title")).toHaveValue(`Clash ${suffix}`);

  // A member signs up…
  const member = await as(browser, "member");
  await member.goto(eventUrl);
  await member.getByRole("button", { name: "Sign up" }).click();
  await expect(member.getByRole("status").filter({ hasText: "You are signed up." }).first()).toBeVisible();

  // …creates a private feed address and finds the event in it.
  await member.goto("/calendar/feed");
  await member.getByRole("button", { name: "Create address" }).click();
  // The address is a secret: shown once in its own field, ready to copy, never inside the message.
  const address = member.getByLabel("Your feed address (shown only now)");
  await expect(address).toHaveValue(/^https?:\/\/\S+\/feeds\/\S+\/calendar\.ics$/);
  const feedUrl = await address.inputValue();
  await expect(member.getByRole("status").filter({ hasText: "shown only now" })).not.toContainText("/feeds/");
  const feed = await request.get(new URL(feedUrl).pathname);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const body = await feed.text();
  expect(body).toContain(`SUMMARY:${title}`);
  expect(body).toContain(`UID:event-${eventId}@`);
  // Long lines are folded at 75 octets (RFC 5545 3.1): the event's readable address is read unfolded.
  expect(body.replace(/\r\n[ \t]/g, "")).toContain(`/events/repair-cafe-${suffix}`);
  // The xCal and jCal twins of the same private feed carry the same event.
  const xcal = await request.get(new URL(feedUrl).pathname.replace(/\.ics$/, ".xml"));
  expect(xcal.headers()["content-type"]).toContain("application/calendar+xml");
  expect(await xcal.text()).toContain(`<summary><text>${title}</text></summary>`);
  const jcal = await request.get(new URL(feedUrl).pathname.replace(/\.ics$/, ".json"));
  expect(jcal.headers()["content-type"]).toContain("application/calendar+json");
  expect(JSON.stringify(await jcal.json())).toContain(`["summary",{},"text",${JSON.stringify(title)}]`);

  // The event shows in the month view of its room, and a made-up feed token is a 404.
  await member.goto("/calendar?view=month&date=2030-05-01");
  await expect(member.getByTestId("month-view")).toContainText(title);
  for (const ext of ["ics", "xml", "json"]) expect((await request.get(`/feeds/not-a-real-token/calendar.${ext}`)).status()).toBe(404);
});

test("a refused event names each bad field beside it and keeps what was typed", async ({ browser }) => {
  const admin = await as(browser, "admin");
  await admin.goto("/admin/events/new");
  const title = `Refused ${Date.now().toString(36)}`;
  await admin.getByLabel("Title").fill(title);
  await admin.getByLabel("Starts").fill("2030-05-07T19:00");
  await admin.getByLabel("Ends").fill("2030-05-07T21:00");
  await admin.getByLabel("Responsible person (member number, optional)").fill("987654");
  await admin.getByRole("button", { name: "Save event" }).click();
  const responsible = admin.getByLabel("Responsible person (member number, optional)");
  await expect(responsible).toHaveAttribute("aria-invalid", "true");
  await expect(responsible).toHaveAccessibleDescription("Responsible person (member number, optional): nobody has this member number.");
  await expect(admin.getByLabel("Title")).toHaveValue(title);
  await expect(admin.getByLabel("Title")).not.toHaveAttribute("aria-invalid");
  await expect(admin.getByLabel("Starts")).toHaveValue("2030-05-07T19:00");

  await responsible.fill("");
  await admin.getByLabel("Ends").fill("2030-05-07T18:00");
  await admin.getByRole("button", { name: "Save event" }).click();
  const ends = admin.getByLabel("Ends");
  await expect(ends).toHaveAttribute("aria-invalid", "true");
  await expect(ends).toHaveAccessibleDescription("Ends: must be after the start.");
  await expect(admin.getByLabel("Responsible person (member number, optional)")).not.toHaveAttribute("aria-invalid");
  await admin.context().close();
});
