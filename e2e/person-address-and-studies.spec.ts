import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures";

test.use({ storageState: storageStateOf("admin") });

test("the admin keeps the fields of study, creates a person choosing one by typing, and adds an address for them", async ({ page }) => {
  test.slow(); // three saves and two page loads on a two-core machine
  const suffix = Date.now().toString(36);
  const field = `Robotics ${suffix}`;

  // The list of fields of study: add one, find it by searching.
  await page.goto("/admin/membership/study-fields");
  const add = page.getByRole("form", { name: "New field of study" });
  await add.getByLabel("Name").fill(field);
  await add.getByRole("button", { name: "Add to the list" }).click();
  await expect(add.getByRole("status")).toHaveText("Saved.");
  await page.getByRole("search").getByLabel("Search the list").fill(suffix);
  await page.getByRole("search").getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("listitem", { name: field })).toContainText("nobody has it");

  // A new person: the field of study is picked from the list (a datalist offers it while typing).
  await page.goto("/admin/people/new");
  const form = page.getByRole("form", { name: "New person" });
  await form.getByLabel("First name").fill("Addy");
  await form.getByLabel("Last name").fill(`Dress ${suffix}`);
  const study = form.getByRole("group", { name: "Study 1" });
  const fieldInput = study.getByRole("combobox", { name: /Field of study/ });
  await expect(page.locator(`datalist#study-field-choices option[value="${field}"]`)).toHaveCount(1);
  await fieldInput.fill(field.toLowerCase());
  await study.getByRole("spinbutton", { name: /Start year/ }).fill("2020");
  await form.getByRole("button", { name: "Create person" }).click();
  await expect(page).toHaveURL(/\/admin\/people\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Addy Dress ${suffix}`);
  // Saved as the list spells it, with its year.
  await expect(page.getByRole("form", { name: "Profile" }).getByRole("group", { name: "Study 1" }).getByRole("combobox")).toHaveValue(field);

  // The admin adds an address for this member.
  const address = page.getByRole("form", { name: "Add address" });
  await address.getByLabel("Street and number").fill(`Werkstattgasse ${suffix}`);
  await address.getByLabel("Postal code").fill("1010");
  await address.getByLabel("City").fill("Wien");
  await address.getByRole("button", { name: "Add address" }).click();
  await expect(address.getByRole("status")).toHaveText("Address saved.");
  await page.reload();
  await expect(page.getByText(`Werkstattgasse ${suffix}`).first()).toBeVisible();

  // The list counts the person now.
  await page.goto(`/admin/membership/study-fields?q=${encodeURIComponent(suffix)}`);
  await expect(page.getByRole("listitem", { name: field })).toContainText("1 person has it");
});
