import { expect, test, type Page } from "@playwright/test";
import { storageStateOf, submitAndSettle } from "./fixtures";
import { MainNav } from "./pages/main-nav";

// A real 2×2 PNG (red), small enough to inline; the server decodes and resizes it with sharp.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==", "base64");
const suffix = Date.now().toString(36);

async function createLocation(page: Page, name: string, kind: string, parent?: string) {
  await page.goto("/locations");
  const form = page.getByRole("form", { name: "New location" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Kind").selectOption({ label: kind });
  if (parent) await form.getByLabel("Inside").selectOption({ label: parent });
  await submitAndSettle(page, "Save", form);
  await expect(form.getByRole("status")).toHaveText(`Location ${name} created.`);
}

test.describe("inventory manager", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("adds a thing with a photo, moves it, lends it, finds it and opens its short URL", async ({ page }) => {
    test.slow(); // eight forms, each awaited until it settled, a photo upload and a search
    const room = `Lab ${suffix}`;
    await createLocation(page, room, "Room");
    await createLocation(page, `Box A ${suffix}`, "Box", room);
    await createLocation(page, `Box B ${suffix}`, "Box", room);

    // A room inside its own box is refused with a clear message.
    await page.getByRole("link", { name: room }).click();
    const edit = page.getByRole("form", { name: "Rename or move this location" });
    await edit.getByLabel("Inside").selectOption({ label: `— Box A ${suffix}` });
    await submitAndSettle(page, "Save", edit);
    await expect(edit.getByRole("alert")).toContainText("cannot be put inside itself");
    // …and a location that still holds boxes is not deleted.
    const remove = page.getByRole("form", { name: "Delete this location" });
    await remove.getByRole("button", { name: "Delete this location" }).click();
    await submitAndSettle(page, "Delete this location", page.getByRole("dialog"));
    await expect(remove.getByRole("alert")).toContainText("still holds things or other locations");

    await new MainNav(page).go("Inventory", "Things");
    await page.getByRole("link", { name: "Add a thing" }).click();
    const form = page.getByRole("form", { name: "Add a thing" });
    await form.getByLabel("Name", { exact: true }).fill(`Soldering station ${suffix}`);
    await form.getByLabel("Description").fill("Weller, temperature controlled");
    await form.getByLabel("Location").selectOption({ label: `— Box A ${suffix}` });
    await form.getByLabel("Photo").setInputFiles({ name: "station.png", mimeType: "image/png", buffer: PNG });
    await form.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(/\/things\/\d+$/);
    const shortUrl = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { name: `Soldering station ${suffix}` })).toBeVisible();
    const photo = page.getByRole("img", { name: `Photo of Soldering station ${suffix}` });
    await expect(photo).toBeVisible();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
    const served = await page.request.get(`${shortUrl}/photo/thumb`);
    expect([served.status(), served.headers()["content-type"]]).toEqual([200, "image/webp"]);

    const move = page.getByRole("form", { name: "Move" });
    await move.getByLabel("New location").selectOption({ label: `— Box B ${suffix}` });
    await submitAndSettle(page, "Move here", move);
    await expect(page.getByRole("status")).toHaveText("Moved.");
    await page.reload();
    await expect(page.getByRole("link", { name: `Box B ${suffix}` })).toBeVisible();

    const lend = page.getByRole("form", { name: "Lend to a member" });
    // The people picker: a name typed, the person picked from the list by keyboard, with number and status to tell apart.
    const borrower = lend.getByRole("combobox", { name: "Borrower" });
    await borrower.fill("Mario");
    const option = lend.getByRole("option", { name: /Mario Rossi/ });
    await expect(option).toContainText(/#\d+ · Member/);
    await borrower.press("ArrowDown");
    await expect(borrower).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id"))!);
    await borrower.press("Enter");
    await expect(borrower).toHaveValue("Mario Rossi");
    await expect(lend.getByRole("listbox")).toBeHidden();
    await lend.getByLabel("Due back on").fill("2030-12-15");
    await submitAndSettle(page, "Lend", lend);
    // The confirmation stays in the line above the forms, though lending swapped the lend form for the take-back form.
    await expect(page.getByRole("form", { name: "Take back" })).toBeVisible();
    await expect(page.getByRole("status")).toHaveText(`Lent “Soldering station ${suffix}” to Mario Rossi, due back 15 Dec 2030.`);
    await page.reload();
    await expect(page.getByText(/Lent to Mario Rossi, due back/)).toBeVisible();
    await expect(page.getByRole("form", { name: "Take back" })).toBeVisible();
    await expect(page.getByText("Lent out", { exact: true }).first()).toBeVisible(); // history entry

    // "What is in this box" shows it in Box B and in the room above.
    await page.getByRole("link", { name: `Box B ${suffix}` }).click();
    await expect(page.getByRole("link", { name: `Soldering station ${suffix}` })).toBeVisible();

    await page.goto("/things");
    await page.getByRole("searchbox").fill("weller");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=weller/);
    await page.getByRole("link", { name: `Soldering station ${suffix}` }).click();
    await expect(page).toHaveURL(new RegExp(`${shortUrl}$`));

    await page.goto("/loans");
    await expect(page.getByRole("link", { name: new RegExp(`Soldering station ${suffix}`) })).toBeVisible();

    // Taken back: the take-back form gives way to the lend form, the confirmation stays readable above them.
    await page.goto(shortUrl);
    await submitAndSettle(page, "Mark as returned", page.getByRole("form", { name: "Take back" }));
    await expect(page.getByRole("form", { name: "Lend to a member" })).toBeVisible();
    await expect(page.getByRole("status")).toHaveText(`“Soldering station ${suffix}” is back.`);

    const number = shortUrl.split("/").pop();
    await page.goto(`/things/labels?ids=${number}`);
    await expect(page.getByRole("img", { name: new RegExp(`QR code for http.*/things/${number}$`) })).toBeVisible();
  });

  test("a non-image photo is refused with a clear message; nothing is saved, nothing typed is lost", async ({ page }) => {
    await page.goto("/things/new");
    const form = page.getByRole("form", { name: "Add a thing" });
    await form.getByLabel("Name", { exact: true }).fill(`Not a photo ${suffix}`);
    // Oversized: the browser refuses before uploading.
    await form.getByLabel("Photo").setInputFiles({ name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(10 * 1024 * 1024 + 1) });
    expect(await form.getByLabel("Photo").evaluate((i: HTMLInputElement) => i.validationMessage)).toBe("The photo is larger than 10 MB.");
    // Not an image: the server decodes it and refuses.
    await form.getByLabel("Photo").setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("%PDF-1.4 not an image") });
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByRole("alert")).toContainText("The file is not a photo");
    await expect(form.getByLabel("Name", { exact: true })).toHaveValue(`Not a photo ${suffix}`);
    await page.goto(`/things?q=${encodeURIComponent(`Not a photo ${suffix}`)}`);
    await expect(page.getByText("No things found.")).toBeVisible();
  });

  test("a refused field is marked beside itself, named by its label; what was typed stays", async ({ page }) => {
    await page.goto("/things/new");
    const form = page.getByRole("form", { name: "Add a thing" });
    await form.getByLabel("Name", { exact: true }).fill(`On loan ${suffix}`);
    await form.getByLabel("Ownership").selectOption({ label: "On loan from a member" });
    await submitAndSettle(page, "Save", form);
    const lender = form.getByLabel("Lent to the space by");
    await expect(lender).toHaveAttribute("aria-invalid", "true");
    await expect(lender).toHaveAccessibleDescription(/^Lent to the space by: please fill this in\./);
    await expect(form.getByRole("alert")).toHaveText("Lent to the space by: please fill this in.");
    await expect(form.getByLabel("Name", { exact: true })).toHaveValue(`On loan ${suffix}`);
    await expect(form.getByLabel("Name", { exact: true })).not.toHaveAttribute("aria-invalid");
  });

  test("a CSV import: nothing pasted is marked beside the box; a bad row is refused with its preview; the fixed text imports", async ({ page }) => {
    await page.goto("/things/import");
    const check = page.getByRole("form", { name: "Check" });
    await submitAndSettle(page, "Check", check);
    const paste = check.getByLabel("Or paste CSV text");
    await expect(paste).toHaveAttribute("aria-invalid", "true");
    await expect(paste).toHaveAccessibleDescription("Or paste CSV text: please fill this in.");

    const bad = ["name,location", `Imported drill ${suffix},Nowhere ${suffix}`].join("\n");
    await paste.fill(bad);
    await submitAndSettle(page, "Check", check);
    await expect(page.getByRole("alert").first()).toHaveText("Some rows have problems. Nothing was imported; please fix the file and check it again.");
    await expect(page.getByRole("row", { name: new RegExp(`Imported drill ${suffix}.*does not exist`) })).toBeVisible();
    // Refused: what was pasted is still there to fix, and there is nothing to confirm.
    await expect(paste).toHaveValue(bad);
    await expect(page.getByRole("button", { name: "Import all rows" })).toHaveCount(0);

    await paste.fill(["name", `Imported drill ${suffix}`].join("\n"));
    await submitAndSettle(page, "Check", check);
    await expect(page.getByRole("status")).toHaveText("1 row is fine and ready to import.");
    await submitAndSettle(page, "Import all rows", page.getByRole("form", { name: "Import all rows" }));
    await expect(page.getByRole("status")).toHaveText("1 thing imported.");
    await page.goto(`/things?q=${encodeURIComponent(`Imported drill ${suffix}`)}`);
    await expect(page.getByRole("link", { name: `Imported drill ${suffix}` }).first()).toBeVisible();
  });

  test("an unknown thing number shows a friendly 404", async ({ page }) => {
    const response = await page.goto("/things/987654321");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "No thing with this number" })).toBeVisible();
  });
});

test.describe("member", () => {
  test.use({ storageState: storageStateOf("member") });

  test("may browse the inventory but not edit it", async ({ page }) => {
    await page.goto("/things");
    await expect(page.getByRole("heading", { name: "Inventory" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Add a thing" })).toHaveCount(0);
    expect((await page.goto("/things/new"))?.status()).toBe(403);
    expect((await page.request.get("/things/export?format=csv")).status()).toBe(403);
  });
});
