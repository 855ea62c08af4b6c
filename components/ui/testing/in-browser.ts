import path from "node:path";
import type { Page } from "@playwright/test";
import { build } from "esbuild";
import { launchChromium } from "@/lib/testing/chromium";

/*
 * A client component in a real browser, without the app around it: what a part does with events (a click that
 * submits, a submit a form's own handler cancels) only a browser shows. The entry (TSX, imports by the app's "@/"
 * paths) is bundled with React in its production build and runs in a blank page of Chromium (lib/testing/chromium.ts).
 */

const root = path.resolve(import.meta.dirname, "../../..");

export interface BrowserPage {
  page: Page;
  close(): Promise<void>;
}

/** Bundles `entry` and opens it in a fresh page; `locale` is what the page's `navigator.languages` starts with. */
export async function openInBrowser(entry: string, { locale = "en-GB" }: { locale?: string } = {}): Promise<BrowserPage> {
  const bundle = await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: "entry.tsx", loader: "tsx" },
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    jsx: "automatic",
    // What reads other variables (Next's own switches, which next-intl's navigation brings in) finds none set.
    define: { "process.env.NODE_ENV": '"production"', "process.env": "{}" },
    logLevel: "error",
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ locale });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body><div id="root"></div></body></html>`);
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    if (errors.length) throw new Error(`the entry failed in the browser: ${errors.join("; ")}`);
    return { page, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
