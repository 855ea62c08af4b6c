import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./fixtures";
import { openMailbox } from "./mailbox";

const suffix = Date.now().toString(36);
const unfold = (raw: string) => raw.replace(/=\r?\n/g, "");

async function saveLoanMails(page: Page, on: boolean) {
  await page.goto("/profile");
  const mails = page.getByRole("form", { name: "Mails" });
  await mails.getByRole("checkbox", { name: /^Loans:/ }).setChecked(on);
  await mails.getByRole("button", { name: "Save mail choices" }).click();
  await expect(mails.getByRole("status")).toHaveText("Your mail choices are saved.");
  await page.reload();
  await expect(page.getByRole("form", { name: "Mails" }).getByRole("checkbox", { name: /^Loans:/ })).toBeChecked({ checked: on });
}

test("a member turns loan mails off on the profile: lending sends none; on again, the return is mailed", async ({ browser }) => {
  const member = await (await browser.newContext({ storageState: storageStateOf("member") })).newPage();
  const admin = await (await browser.newContext({ storageState: storageStateOf("admin") })).newPage();
  const mailbox = await openMailbox();
  try {
    await saveLoanMails(member, false);

    await admin.goto("/things/new");
    const add = admin.getByRole("form", { name: "Add a thing" });
    await add.getByLabel("Name", { exact: true }).fill(`Mail test drill ${suffix}`);
    await add.getByRole("button", { name: "Save" }).click();
    await expect(admin.getByRole("heading", { name: `Mail test drill ${suffix}` })).toBeVisible();
    const lend = admin.getByRole("form", { name: "Lend to a member" });
    await lend.getByRole("combobox", { name: "Borrower" }).fill("Mario");
    await lend.getByRole("option", { name: /Mario Rossi/ }).click();
    await lend.getByRole("button", { name: "Lend" }).click();
    // The page shows the loan once the action answered (the lend form gives way to "Take back").
    await expect(admin.getByRole("form", { name: "Take back" })).toBeVisible();
    // The mail would have gone before the answer: none went.
    expect(mailbox.mails.filter((m) => m.to.includes("member@makerspace.local") && unfold(m.raw).includes(`Mail test drill ${suffix}`))).toEqual([]);

    await saveLoanMails(member, true);
    const back = admin.getByRole("form", { name: "Take back" });
    await back.getByRole("button", { name: "Mark as returned" }).click();
    await expect(admin.getByRole("form", { name: "Lend to a member" })).toBeVisible();
    await expect
      .poll(() => mailbox.mails.filter((m) => m.to.includes("member@makerspace.local") && unfold(m.raw).includes(`Mail test drill ${suffix}`)).length)
      .toBe(1);
  } finally {
    await mailbox.close();
  }
});
