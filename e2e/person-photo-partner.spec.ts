import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { clickAndConfirm, storageStateOf } from "./fixtures";

test.describe("member", () => {
  test.use({ storageState: storageStateOf("member") });

  test("uploads a profile photo (a non-image is refused) and removes it", async ({ page }) => {
    await page.goto("/profile");
    const upload = page.getByRole("form", { name: "Upload photo" });
    await upload.getByLabel("Photo file").setInputFiles({ name: "notes.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not really a photo") });
    await upload.getByRole("button", { name: "Upload photo" }).click();
    await expect(upload.getByRole("alert")).toContainText("not a photo");

    const png = await sharp({ create: { width: 600, height: 400, channels: 3, background: "#2a7" } })
      .png()
      .toBuffer();
    await upload.getByLabel("Photo file").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: png });
    await upload.getByRole("button", { name: "Upload photo" }).click();
    const img = page.getByRole("img", { name: "Photo of Mario Rossi" });
    await expect(img).toBeVisible();
    const src = await img.getAttribute("src");
    const response = await page.request.get(src!);
    expect(response.headers()["content-type"]).toBe("image/webp");

    await clickAndConfirm(page, "Remove photo");
    await expect(page.getByText("No photo yet.")).toBeVisible();
    expect((await page.request.get(src!)).status()).toBe(404);
  });
});

test.describe("admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("links and unlinks partners on the person page", async ({ page }) => {
    await page.goto("/admin/people?q=member%40makerspace.local");
    await page
      .getByRole("table")
      .getByRole("link", { name: /Mario Rossi/ })
      .click();
    const link = page.getByRole("form", { name: "Link partner" });
    await link.getByLabel("Partner's member number or email").fill("nobody@example.org");
    await link.getByRole("button", { name: "Link partner" }).click();
    await expect(link.getByRole("alert")).toContainText("Nobody has this member number or email");
    // …and beside the field, which keeps what was typed.
    const picker = link.getByRole("combobox", { name: "Partner's member number or email" });
    await expect(picker).toHaveAttribute("aria-invalid", "true");
    await expect(picker).toHaveValue("nobody@example.org");

    // The people picker finds her by email; the one picked is shown with number and status.
    await link.getByRole("combobox", { name: "Partner's member number or email" }).fill("maria@makerspace");
    await link.getByRole("option", { name: /Maria Huber/ }).click();
    await expect(link.getByTestId("picked-person")).toContainText(/#\d+ · Member · ma…@makerspace\.local/);
    await link.getByLabel(/^Both partners agreed to edit each other's data/).check();
    await link.getByRole("button", { name: "Link partner" }).click();
    const section = page.getByRole("region", { name: "Partner", exact: true });
    await expect(section.getByRole("link", { name: "Maria Huber" })).toBeVisible();
    await expect(section).toContainText("both agreed: they may edit each other's data");

    await clickAndConfirm(section, "Unlink partner");
    await expect(section.getByText("No partner linked.")).toBeVisible();
  });
});
