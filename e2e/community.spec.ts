import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures";
import { MainNav } from "./pages/main-nav";

const suffix = Date.now().toString(36);

test("a poll created by the board is voted on by a member, who then sees the results", async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const adminPage = await admin.newPage();
  await adminPage.goto("/polls");
  await adminPage.getByRole("link", { name: "New poll" }).click();
  const form = adminPage.getByRole("form", { name: "New poll" });
  await form.getByLabel("Question").fill(`Buy a laser cutter ${suffix}?`);
  await form.getByLabel("Options (one per line)").fill("Yes\nNo\nLater");
  await form.getByRole("button", { name: "Create poll" }).click();
  await expect(adminPage.getByRole("heading", { name: `Buy a laser cutter ${suffix}?` })).toBeVisible();
  const pollUrl = adminPage.url();
  await admin.close();

  const member = await browser.newContext({ storageState: storageStateOf("member") });
  const page = await member.newPage();
  await page.goto("/");
  await new MainNav(page).go("My space", "Polls");
  await page.getByRole("link", { name: `Buy a laser cutter ${suffix}?` }).click();
  await expect(page).toHaveURL(pollUrl);
  await expect(page.getByText("Results are shown after you voted")).toBeVisible();
  const vote = page.getByRole("form", { name: "Vote" });
  await vote.getByLabel("Yes").check();
  await vote.getByRole("button", { name: "Vote" }).click();
  await expect(vote.getByRole("status")).toHaveText("Your vote was saved.");
  const results = page.getByRole("region", { name: "Results" });
  await expect(results.getByText("1 person voted")).toBeVisible();
  await expect(results.getByTestId("poll-result").filter({ hasText: "Yes" })).toContainText("Mario Rossi");

  // Changing the vote while the poll is open replaces it.
  await page.getByRole("form", { name: "Vote" }).getByLabel("Later").check();
  await page.getByRole("button", { name: "Change my vote" }).click();
  await expect(page.getByRole("form", { name: "Vote" }).getByRole("status")).toHaveText("Your vote was changed.");
  await expect(results.getByTestId("poll-result").filter({ hasText: "Later" })).toContainText("Mario Rossi");
  await expect(results.getByTestId("poll-result").filter({ hasText: "Yes" })).not.toContainText("Mario Rossi");
  const csv = await page.request.get(`${pollUrl}/results.csv`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("Later,1,Mario Rossi");
  await member.close();
});

test.describe("open status", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("the staff switch changes the start page and /spaceapi.json", async ({ page, request }) => {
    await page.goto("/");
    const widget = page.getByTestId("open-status");
    const switchForm = widget.getByRole("form", { name: "Is the space open?" });
    // Start from closed whatever an earlier run (or the demo data's open evening) left behind: wait for the switch
    // to show either way before reading which way it shows.
    await expect(switchForm.getByRole("button", { name: "Close the space" }).or(switchForm.getByRole("button", { name: "Open the space" }))).toBeVisible();
    if (await switchForm.getByRole("button", { name: "Close the space" }).isVisible()) {
      await switchForm.getByRole("button", { name: "Close the space" }).click();
      await expect(widget.getByRole("button", { name: "Open the space" })).toBeVisible();
    }
    await widget.getByLabel("Message (optional)").fill(`Open evening ${suffix}`);
    await widget.getByRole("button", { name: "Open the space" }).click();
    await expect(widget.getByRole("status")).toHaveText("The space is now Open.");
    await page.reload();
    await expect(page.getByTestId("open-status")).toContainText("Open");
    await expect(page.getByTestId("open-status")).toContainText(`Open evening ${suffix}`);
    let doc = await (await request.get("/spaceapi.json")).json();
    expect(doc.state).toMatchObject({ open: true, message: `Open evening ${suffix}` });
    expect(doc.api_compatibility).toContain("15");

    await page.getByTestId("open-status").getByRole("button", { name: "Close the space" }).click();
    await expect(page.getByTestId("open-status").getByRole("status")).toHaveText("The space is now Closed.");
    await page.reload();
    await expect(page.getByTestId("open-status")).toContainText("Closed");
    doc = await (await request.get("/spaceapi.json")).json();
    expect(doc.state.open).toBe(false);
  });

  test("a new sensor token is shown once in its own field, never in the message, and it sets the open status", async ({ page }) => {
    await page.goto("/admin/sensors");
    const form = page.getByRole("form", { name: "Create token" });
    await form.getByLabel("Sensor name").fill(`Door ${suffix}`);
    await form.getByRole("button", { name: "Create token" }).click();
    const token = await form.getByLabel("Token (shown only now)").inputValue();
    expect(token.length).toBeGreaterThan(20);
    await expect(form.getByRole("status")).toHaveText(`Token for Door ${suffix} created. It is shown only now, below: copy it into the sensor.`);
    const sensor = await page.request.post("/api/open-status", { data: { open: false }, headers: { authorization: `Bearer ${token}` } });
    expect(sensor.status()).toBe(200);
    // Shown once: after a reload the page has no token left to show.
    await page.reload();
    await expect(page.getByTestId("new-secret")).toHaveCount(0);
  });

  test("a visitor sees the start page widgets without logging in", async ({ browser }) => {
    // Contexts inherit the describe's storage state unless told otherwise: a visitor has no cookies.
    const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await visitor.newPage();
    await page.goto("/");
    await expect(page.getByTestId("open-status")).toBeVisible();
    await expect(page.getByTestId("machines")).toBeVisible();
    await expect(page.getByRole("button", { name: /the space/ })).toHaveCount(0);
    const sensor = await page.request.post("/api/open-status", { data: { open: true }, headers: { authorization: "Bearer wrong" } });
    expect(sensor.status()).toBe(401);
    await visitor.close();
  });
});

test.describe("on a phone", () => {
  test.use({ storageState: storageStateOf("member"), viewport: { width: 375, height: 740 } });

  test("the start page and the polls fit the screen", async ({ page }) => {
    for (const path of ["/", "/polls"]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} is wider than the phone`).toBeLessThanOrEqual(0);
    }
  });
});

test.describe("news", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("a post by the board shows on the start page, its own page and the escaped Atom feed", async ({ page, request }) => {
    const title = `Soldering night <b>${suffix}</b> & more`;
    await page.goto("/");
    await new MainNav(page).go("Admin", "Write news");
    const form = page.getByRole("form", { name: "New post" });
    await form.getByLabel("Title").fill(title);
    await form.getByLabel("Text").fill("Bring your own kit.\nTea is on us.");
    await form.getByRole("button", { name: "Publish" }).click();
    await expect(form.getByRole("status")).toHaveText("Post published.");
    await page.goto("/");
    await page.getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
    const feed = await request.get("/news.xml");
    expect(feed.headers()["content-type"]).toContain("application/atom+xml");
    expect(await feed.text()).toContain(`Soldering night &lt;b&gt;${suffix}&lt;/b&gt; &amp; more`);
  });
});
