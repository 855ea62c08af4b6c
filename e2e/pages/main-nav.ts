import { expect, type Locator, type Page } from "@playwright/test";

/**
 * The grouped main menu: specs say "Admin → People" instead of knowing the disclosure buttons. On a phone the
 * "Menu" button is pressed first. Clicks are retried until React has hydrated the header (before that a button
 * does nothing).
 */
export class MainNav {
  readonly nav: Locator;

  constructor(private readonly page: Page) {
    this.nav = page.getByRole("navigation", { name: /^(Main navigation|Hauptnavigation)$/ });
  }

  private async expand(button: Locator): Promise<void> {
    await expect(async () => {
      if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
      await expect(button).toHaveAttribute("aria-expanded", "true", { timeout: 1_000 });
    }).toPass();
  }

  async openMenuIfPhone(): Promise<void> {
    const menu = this.page.getByRole("button", { name: /^(Menu|Menü)$/ });
    if (await menu.isVisible()) await this.expand(menu);
  }

  group(name: string): Locator {
    return this.nav.getByRole("button", { name, exact: true });
  }

  async open(group: string): Promise<void> {
    await this.openMenuIfPhone();
    await this.expand(this.group(group));
  }

  async go(group: string, link: string): Promise<void> {
    await this.open(group);
    await this.nav.getByRole("link", { name: link, exact: true }).click();
  }

  /** Every link the viewer is offered, group by group (each group opened in turn). */
  async linkNames(): Promise<string[]> {
    await this.openMenuIfPhone();
    const names: string[] = [];
    for (const button of await this.nav.getByRole("button").all()) {
      await this.expand(button);
      names.push(...(await this.nav.getByRole("link").allInnerTexts()).map((n) => n.trim()));
    }
    return names;
  }
}
