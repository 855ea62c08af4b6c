import fs from "node:fs";
import { chromium, type Browser, type LaunchOptions } from "@playwright/test";

const debianChromium = "/usr/bin/chromium";

/**
 * How every test starts Chromium, Playwright's runner (playwright.config.ts) and a test outside it alike: Debian's
 * when present (CI installs it), with flags that keep it from calling home, else the browser Playwright downloaded.
 */
export const chromiumLaunchOptions: LaunchOptions = fs.existsSync(debianChromium)
  ? {
      executablePath: debianChromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    }
  : {};

/** Chromium for a test outside Playwright's runner (a component alone, a web app a test started itself). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

/**
 * Why a browser test cannot run here, or undefined when it can: no Chromium installed, outside CI (a developer's
 * `npm run test:unit` skips it and says how to install one). In CI (`CI` set) it never skips: a missing browser fails.
 */
export function noBrowserHere(env: Record<string, string | undefined> = process.env, exists: (file: string) => boolean = fs.existsSync): string | undefined {
  if (env.CI) return undefined;
  const file = chromiumLaunchOptions.executablePath ?? chromium.executablePath();
  if (exists(file)) return undefined;
  return `no Chromium at ${file}: browser tests skipped (install one: apt-get install chromium, or npx playwright install chromium)`;
}
