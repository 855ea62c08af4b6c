import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { clickAndConfirm, storageStateOf } from "./fixtures";

test.describe("admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("uploads a logo: it shows in the header and in /spaceapi.json; removed, the default icon is back", async ({ page, request }) => {
    const png = await sharp({ create: { width: 900, height: 300, channels: 3, background: { r: 20, g: 120, b: 200 } } })
      .png()
      .toBuffer();
    await page.goto("/admin/settings");
    const logo = page.getByRole("region", { name: "Logo" });
    await logo.getByLabel("Logo image").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
    await logo.getByRole("button", { name: "Upload logo" }).click();
    await expect(logo.getByRole("status")).toHaveText("Logo saved.");
    await page.goto("/");
    await expect(page.getByTestId("space-logo")).toHaveAttribute("src", /^\/space-logo\.png\?v=/);
    const served = await request.get("/space-logo.png");
    expect(served.headers()["content-type"]).toBe("image/png");
    expect((await sharp(await served.body()).metadata()).width).toBe(512);
    const doc = (await (await request.get("/spaceapi.json")).json()) as { logo: string };
    expect(doc.logo).toMatch(/^https?:\/\/[^/]+\/space-logo\.png$/);

    // Not an image: refused with a clear message.
    await page.goto("/admin/settings");
    await logo.getByLabel("Logo image").setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("%PDF-1.4 no") });
    await logo.getByRole("button", { name: "Upload logo" }).click();
    await expect(logo.getByRole("alert")).toContainText("not an image");

    await clickAndConfirm(logo, "Remove logo");
    await expect(logo.getByRole("status")).toHaveText("Logo removed.");
    await page.goto("/");
    await expect(page.getByTestId("space-logo")).toHaveAttribute("src", "/icon.svg");
    expect(((await (await request.get("/spaceapi.json")).json()) as { logo: string }).logo).toMatch(/\/icon\.svg$/);
  });
});

test("the start page links to all news (paginated list with the feed) and to the machines dashboard", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "All news" }).click();
  await expect(page).toHaveURL(/\/news$/);
  await expect(page.getByRole("heading", { name: "News", exact: true })).toBeVisible();
  await expect(page.getByTestId("news-list").getByRole("listitem").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Atom feed" })).toHaveAttribute("href", "/news.xml");
  await page.goto("/");
  await page.getByRole("link", { name: "Live machines dashboard" }).click();
  await expect(page).toHaveURL(/\/machines$/);
});
