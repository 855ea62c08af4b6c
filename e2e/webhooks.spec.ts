import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures";

test.use({ storageState: storageStateOf("admin") });

interface Delivery {
  signature: string;
  body: string;
}

/** A receiver as a space's chat bot would run it: it checks the documented signature on its own. */
function signedBy(secret: string, d: Delivery): boolean {
  const t = /t=(\d+)/.exec(d.signature)?.[1];
  const v1 = /v1=([0-9a-f]{64})/.exec(d.signature)?.[1];
  return !!t && !!v1 && Math.abs(Date.now() / 1000 - Number(t)) < 300 && createHmac("sha256", secret).update(`${t}.${d.body}`).digest("hex") === v1;
}

test("an admin subscribes a receiver; the broker delivers a test ping and a real change, signed", async ({ page }) => {
  const received: Delivery[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ signature: String(req.headers["x-makerspace-signature"] ?? ""), body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await page.goto("/admin/webhooks");
    const form = page.getByRole("form", { name: "Add webhook" });
    await form.getByLabel("Address (https://…)").fill(`http://127.0.0.1:${(server.address() as AddressInfo).port}/bot`);
    await form.getByLabel(/^open_status\.changed/).check();
    await form.getByRole("button", { name: "Add webhook" }).click();
    const secret = await form.getByTestId("new-secret").inputValue();
    expect(secret).toMatch(/^whsec_/);

    await page.getByRole("link", { name: /127\.0\.0\.1/ }).click();
    await page.getByRole("form", { name: "Send a test delivery" }).getByRole("button").click();
    await expect(page.getByText("A test delivery (ping) is queued.")).toBeVisible();
    await expect.poll(() => received.map((d) => JSON.parse(d.body).type), { timeout: 20_000 }).toEqual(["ping"]);

    // A real change on the start page: the space is opened or closed.
    await page.goto("/");
    await page.getByRole("form", { name: "Is the space open?" }).getByRole("button").click();
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(2);
    const event = JSON.parse(received[1]!.body);
    expect(event).toMatchObject({ type: "open_status.changed", data: { open: expect.any(Boolean) } });
    expect(received.every((d) => signedBy(secret, d))).toBe(true);
    expect(signedBy("whsec_someone-else", received[0]!)).toBe(false);

    await page.goto("/admin/webhooks");
    await page.getByRole("link", { name: /127\.0\.0\.1/ }).click();
    await expect(page.getByRole("row").filter({ hasText: "open_status.changed" })).toContainText("delivered");
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
