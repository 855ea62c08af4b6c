import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures";

test("a trained member opens a machine from the dashboard, books it there and sees the booking listed", async ({ browser }, testInfo) => {
  const member = await (await browser.newContext({ storageState: storageStateOf("member") })).newPage();
  await member.goto("/machines");
  // The dashboard marks what this member may use: trained on the laser, not on the CNC router.
  await expect(member.getByRole("listitem", { name: "LASER 1" }).getByTestId("tile-may-use")).toHaveText("✓ You may use this machine");
  await expect(member.getByRole("listitem", { name: "CNC ROUTER" }).getByTestId("tile-may-use")).toHaveText("You may not use this machine now");
  await member.getByRole("listitem", { name: "LASER 1" }).getByRole("link").click();
  await expect(member).toHaveURL(/\/machines\/\d+$/);
  await expect(member.getByRole("heading", { level: 1, name: "LASER 1" })).toBeVisible();
  const upcoming = member.getByTestId("machine-bookings");
  await expect(upcoming).toBeVisible();

  // A slot within the four weeks the page lists, on a day no other spec books (5 days ahead), the next one on a retry:
  // the booking stays, and the first attempt's would be in the way.
  const day = new Date(Date.now() + (5 + testInfo.retry) * 86_400_000).toISOString().slice(0, 10);
  await member.getByLabel("From").fill(`${day}T06:00`);
  await member.getByLabel("Until").fill(`${day}T07:00`);
  await member.getByRole("button", { name: "Book", exact: true }).click();
  await expect(member.getByRole("status").filter({ hasText: /^Booked LASER 1, .*06:00–07:00\.$/ })).toBeVisible();
  await member.reload();
  await expect(upcoming).toContainText("Mario Rossi");

  // The same slot again is refused, saying which booking is in the way.
  await member.getByLabel("From").fill(`${day}T06:30`);
  await member.getByLabel("Until").fill(`${day}T07:30`);
  await member.getByRole("button", { name: "Book", exact: true }).click();
  await expect(member.getByRole("alert").filter({ hasText: /^You have already booked LASER 1 .*06:00–07:00\.$/ })).toBeVisible();
});

test("visitors get no machine page", async ({ browser }) => {
  const visitor = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await visitor.goto("/machines");
  await expect(visitor.getByTestId("tile-may-use")).toHaveCount(0);
  await visitor.goto("/machines/1");
  await expect(visitor).toHaveURL(/\/login/);
});
