import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./fixtures";

/**
 * Contrast of the states axe does not see (WCAG 2.2 AA): the focus indicator of every link, button and field a
 * keyboard reaches must stand out 3:1 from what is behind it (1.4.11), and a hovered link or button keeps its text
 * 4.5:1 from its background (1.4.3). Walks pages by Tab as a keyboard user does; colours are read as the browser
 * paints them (Tailwind's oklch colours included).
 */

/** In the page: the colour the browser paints for a CSS colour, as [r, g, b, alpha 0..1]. */
const inPage = () => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
  const rgba = (css: string): [number, number, number, number] => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = "#000";
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return [r!, g!, b!, a! / 255];
  };
  const luminance = ([r, g, b]: number[]) => {
    const c = [r!, g!, b!].map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
  };
  const contrast = (a: number[], b: number[]) => {
    const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (l1! + 0.05) / (l2! + 0.05);
  };
  /** The first opaque background at or above the element (the page is white underneath). */
  const backgroundOf = (element: Element | null): number[] => {
    for (let e = element; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0.5) return c;
    }
    return [255, 255, 255, 1];
  };
  const describe = (e: Element) => {
    const name = e.getAttribute("aria-label") || (e as HTMLElement).innerText?.trim() || e.getAttribute("name") || e.id;
    const type = e.getAttribute("type");
    return e.tagName.toLowerCase() + (type ? "[" + type + "]" : "") + " “" + (name ?? "").slice(0, 40) + "”";
  };
  return { rgba, contrast, backgroundOf, describe };
};

/** The focused element's indicator: the best of its outline and its ring colours against what is behind it. */
async function focusContrast(page: Page): Promise<{ what: string; ratio: number } | null> {
  return page.evaluate((helpers) => {
    const h = new Function(`return (${helpers})()`)() as ReturnType<typeof inPage>;
    const e = document.activeElement;
    if (!e || e === document.body || e.id === "main-content") return null;
    const style = getComputedStyle(e);
    const behind = h.backgroundOf(e.parentElement);
    const own = h.backgroundOf(e);
    const candidates: number[][] = [];
    if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1) candidates.push(h.rgba(style.outlineColor));
    // Rings are box shadows: "oklch(…) 0px 0px 0px 2px, …"; each colour is a candidate.
    for (const m of style.boxShadow.matchAll(/(rgba?\([^)]*\)|(?:ok)?l(?:ab|ch)\([^)]*\)|color\([^)]*\)|#[0-9a-f]{3,8})/gi)) candidates.push(h.rgba(m[1]!));
    const visible = candidates.filter((c) => c[3]! > 0.5);
    // Against what is behind it, or — for an indicator drawn inside a field — against the field itself.
    const ratio = Math.max(0, ...visible.map((c) => Math.max(h.contrast(c, behind), style.outlineOffset.startsWith("-") ? h.contrast(c, own) : 0)));
    const drawn = `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow ${style.boxShadow}`;
    return { what: `${h.describe(e)} (${drawn})`, ratio: Math.round(ratio * 100) / 100 };
  }, inPage.toString());
}

/** Text against its background while hovered. */
async function hoverContrast(page: Page, selector: string, index: number): Promise<{ what: string; ratio: number }> {
  return page.evaluate(
    ({ helpers, selector, index }) => {
      const h = new Function(`return (${helpers})()`)() as ReturnType<typeof inPage>;
      const e = document.querySelectorAll(selector)[index]!;
      const text = h.rgba(getComputedStyle(e).color);
      return { what: h.describe(e), ratio: Math.round(h.contrast(text, h.backgroundOf(e)) * 100) / 100 };
    },
    { helpers: inPage.toString(), selector, index },
  );
}

/** Pages with the kinds of controls there are: menus, calendar views, every field type, the people list, Back up now. */
const PAGES = ["/home", "/calendar", "/machines", "/things/new", "/profile", "/admin/people", "/admin/system"];
const MAX_STOPS = 45;

test.describe("focus and hover contrast", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("every focus indicator reached by Tab stands out 3:1 from what is behind it", async ({ page }) => {
    test.setTimeout(5 * 60_000);
    const weak: string[] = [];
    let checked = 0;
    for (const path of PAGES) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      for (let stop = 0; stop < MAX_STOPS; stop++) {
        await page.keyboard.press("Tab");
        const seen = await focusContrast(page);
        if (!seen) continue;
        checked++;
        if (seen.ratio < 3) weak.push(`${path}: ${seen.what} ${seen.ratio}:1`);
      }
    }
    expect(checked).toBeGreaterThan(PAGES.length * 10);
    expect([...new Set(weak)], [...new Set(weak)].join("\n")).toEqual([]);
  });

  test("hovered links and buttons keep their text 4.5:1 from their background", async ({ page }) => {
    test.setTimeout(5 * 60_000);
    const weak: string[] = [];
    let checked = 0;
    for (const path of PAGES) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      for (const selector of ["main a[href]", "main button:not([disabled])", "header a[href]", "header button"]) {
        const count = Math.min(await page.locator(selector).count(), 12);
        for (let i = 0; i < count; i++) {
          const target = page.locator(selector).nth(i);
          if (!(await target.isVisible())) continue;
          await target.hover();
          const seen = await hoverContrast(page, selector, i);
          checked++;
          if (seen.ratio < 4.5) weak.push(`${path}: ${seen.what} hovered ${seen.ratio}:1`);
        }
        await page.mouse.move(0, 0);
      }
    }
    expect(checked).toBeGreaterThan(PAGES.length * 5);
    expect([...new Set(weak)], [...new Set(weak)].join("\n")).toEqual([]);
  });
});
