import fs from "node:fs";
import { chromium, type Browser } from "@playwright/test";

const debianChromium = "/usr/bin/chromium";

/**
 * Chromium for a test outside Playwright's runner (a component alone, a web app a test started itself): Debian's
 * when present, with the flags of playwright.config.ts, else the browser Playwright downloaded.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(
    fs.existsSync(debianChromium)
      ? {
          executablePath: debianChromium,
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        }
      : {},
  );
}
