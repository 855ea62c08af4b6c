import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures";

test("a member is offered only the machines they may use, reads each bad field by its label, books, keeps the machine chosen and cancels after confirming", async ({
  browser,
}, testInfo) => {
  // A day no other spec books (30 days ahead, at an hour others leave free), the next one on a retry: an attempt
  // that failed before cancelling leaves its booking behind.
  const day = new Date(Date.now() + (30 + testInfo.retry) * 86_400_000).toISOString().slice(0, 10);
  const dayShown = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(day));
  const member = await (await browser.newContext({ storageState: storageStateOf("member") })).newPage();
  await member.goto("/bookings");
  // Mario is trained on the laser only: the printer and the CNC router are not offered.
  const machine = member.getByLabel("Machine");
  await expect(machine.locator("option")).toHaveText(["LASER 1"]);

  // Both times wrong at once: each refusal sits at its field, named by its label; what was typed stays.
  await member.getByLabel("From").fill("");
  await member.getByLabel("Until").fill("2020-01-01T10:00");
  await member.getByLabel("Note (optional)").fill("walnut coasters");
  await member.getByRole("button", { name: "Book", exact: true }).click();
  await expect(member.getByRole("main").getByRole("alert")).toHaveText("The booking was not made. Please correct the fields marked below.");
  await expect(member.getByLabel("From")).toHaveAccessibleDescription(/^From: enter a date and a time\./);
  await expect(member.getByLabel("Until")).toHaveAccessibleDescription('"Until" is in the past: a booking has to end in the future.');
  await expect(member.getByLabel("Until")).toHaveAttribute("aria-invalid", "true");
  await expect(member.getByLabel("Until")).toHaveValue("2020-01-01T10:00");
  await expect(member.getByLabel("Note (optional)")).toHaveValue("walnut coasters");

  await member.getByLabel("From").fill(`${day}T05:00`);
  await member.getByLabel("Until").fill(`${day}T05:30`);
  await member.getByRole("button", { name: "Book", exact: true }).click();
  await expect(member.getByRole("status")).toHaveText(`Booked LASER 1, ${dayShown}, 05:00–05:30.`);
  await expect(machine).toHaveValue(/\d+/);
  await expect(machine.locator("option:checked")).toHaveText("LASER 1");

  // The booking is listed; cancelling asks first, then says what was cancelled.
  const row = member.getByRole("listitem").filter({ hasText: `LASER 1: ${dayShown}, 05:00–05:30` });
  await row.getByRole("button", { name: "Cancel booking" }).click();
  await expect(row).toContainText(`Cancel LASER 1, ${dayShown}, 05:00–05:30?`);
  await row.getByRole("button", { name: "Keep it" }).click();
  await expect(row.getByRole("button", { name: "Cancel booking" })).toBeVisible();
  await row.getByRole("button", { name: "Cancel booking" }).click();
  await row.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(member.getByRole("status").filter({ hasText: "Cancelled" })).toHaveText(`Cancelled your booking of LASER 1, ${dayShown}, 05:00–05:30.`);
  await expect(row).toHaveCount(0);
});
