import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/**
 * Checks of a page as it is on the screen, shared by the page crawl (e2e/language.spec.ts) and the
 * expert's flow (e2e/accessibility.spec.ts). Each returns readable lines, empty when all is well.
 */

/**
 * Serious and critical axe violations (WCAG 2.1 A and AA) on the page as it is now. `repeated`: a
 * selector of blocks a page repeats (the results report's 58 item cards, the questionnaire's items):
 * only the first block of each shape (the same element with the same kinds of children in the same
 * order) is checked, as axe takes seconds over dozens of such blocks and the others are made by the
 * same component.
 */
export async function seriousViolations(page: Page, repeated?: string): Promise<string[]> {
  // Legacy mode runs axe in the page itself: the default finishes each run in a fresh blank page,
  // which costs seconds on every page here (the pages have no frames for it to combine). Violations
  // only: collecting every passing node too is most of the time on a large page.
  let builder = new AxeBuilder({ page }).setLegacyMode(true).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).options({ resultTypes: ["violations"] });
  if (repeated) {
    await page.evaluate((selector) => {
      const shape = (el: Element) => `${el.tagName}.${el.className}(${[...el.children].map((c) => `${c.tagName}.${c.className}`).join(",")})`;
      const seen = new Set<string>();
      for (const block of document.querySelectorAll(selector)) {
        const s = shape(block);
        if (seen.has(s)) block.setAttribute("data-axe-repeat", "");
        seen.add(s);
      }
    }, repeated);
    builder = builder.exclude("[data-axe-repeat]");
  }
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/**
 * Tables wider than their box. A table inside an element that scrolls sideways (`.table-wrap`) may
 * be wider than it ("scrolls"); one inside an element that clips it, or with no such element and
 * wider than its parent or the screen, is cut off or sticks out ("clipped"). Tables not shown (a
 * collapsed section) are left out.
 */
export function tablesWiderThanTheirBox(page: Page): Promise<Array<{ table: string; kind: "scrolls" | "clipped" }>> {
  return page.evaluate(() => {
    const out: Array<{ table: string; kind: "scrolls" | "clipped" }> = [];
    const screen = (document.scrollingElement ?? document.documentElement).clientWidth;
    for (const table of document.querySelectorAll("table")) {
      const rect = table.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      let box = table.parentElement;
      while (box && box !== document.body && getComputedStyle(box).overflowX === "visible") box = box.parentElement;
      const name = (table.querySelector("caption")?.textContent ?? table.closest("[aria-label]")?.getAttribute("aria-label") ?? table.querySelector("th")?.textContent ?? "table").trim().slice(0, 60);
      if (box && box !== document.body) {
        if (box.scrollWidth > box.clientWidth + 1) out.push({ table: name, kind: ["auto", "scroll"].includes(getComputedStyle(box).overflowX) ? "scrolls" : "clipped" });
      } else if (rect.right > screen + 1 || (table.parentElement && rect.width > table.parentElement.clientWidth + 1)) {
        out.push({ table: name, kind: "clipped" });
      }
    }
    return out;
  });
}

/**
 * What makes the page wider than the screen: null when the document does not scroll sideways and
 * no element sticks out past the right edge (elements inside a box that scrolls or clips sideways
 * aside: that box is what counts); else the overflow in pixels and the outermost elements that stick out.
 */
export function horizontalOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    const over = root.scrollWidth - width;
    const inSideScroller = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body && p !== document.documentElement; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== "visible") return true;
      }
      return false;
    };
    const sticking: Element[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || rect.right <= width + 1) continue;
      if (sticking.some((s) => s.contains(el)) || getComputedStyle(el).visibility === "hidden" || inSideScroller(el)) continue;
      sticking.push(el);
    }
    if (over <= 0 && sticking.length === 0) return null;
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : ""} "${(el.textContent ?? "").trim().slice(0, 40)}" to ${Math.round(el.getBoundingClientRect().right)} px`;
    return `${Math.max(0, over)} px wider than the screen; sticking out: ${sticking.slice(0, 3).map(describe).join("; ") || "?"}`;
  });
}

/** Waits for two frames, so that what a resize or a load changes (charts measure their box) is drawn. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** The page's overflow once it has settled after a resize: polled for up to about 2 s. */
export async function overflowAfterResize(page: Page): Promise<string | null> {
  let over: string | null = null;
  for (let attempt = 0; attempt < 8; attempt++) {
    await settled(page);
    over = await horizontalOverflow(page);
    if (!over) return null;
    await page.waitForTimeout(250);
  }
  return over;
}
