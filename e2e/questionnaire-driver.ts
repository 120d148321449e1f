import { expect, type Page } from "@playwright/test";
import type { TAnswers, TAnswerValue } from "@/lib/instrument/answers";
import type { TItem, TQuestionnaire } from "@/lib/instrument/definition";

/**
 * Drives the questionnaire like a person: for every item visible on the page, picks an answer of
 * its type through the real controls and records what it entered, so a test can compare it with
 * what the database stored.
 */
export async function answerItem(page: Page, item: TItem, variant = 0): Promise<TAnswerValue | undefined> {
  const id = (suffix: string) => page.locator(`[id="${item.code}-${suffix}"]`);
  switch (item.type) {
    case "single": {
      const candidates = item.options.filter((o) => !o.other);
      const option = candidates[variant % candidates.length]!;
      await id(option.code).check();
      return { choice: option.code };
    }
    case "multi": {
      const candidates = item.options.filter((o) => !o.other && !o.exclusive);
      const count = Math.max(item.minSelect ?? 1, 1);
      const chosen = candidates.slice(variant % 2, (variant % 2) + count).map((o) => o.code);
      for (const code of chosen) await id(code).check();
      return { choices: chosen };
    }
    case "scale": {
      const value = item.min + ((variant + 2) % (item.max - item.min + 1));
      await id(String(value)).check();
      return { value };
    }
    case "matrix": {
      const rows: Record<string, number> = {};
      for (const [i, row] of item.rows.entries()) {
        const value = item.min + ((i + variant) % (item.max - item.min + 1));
        await page.locator(`[id="${row.code}-${value}"]`).check();
        rows[row.code] = value;
      }
      return { rows };
    }
    case "ranking": {
      const order = item.options.slice(0, Math.min(item.topK, item.options.length)).map((o) => o.code);
      for (const [i, code] of order.entries()) await id(`rank-${i + 1}`).selectOption(code);
      return { order };
    }
    case "number": {
      const value = Math.min(item.max ?? 10, (item.min ?? 0) + 3 + variant);
      await id("input").fill(String(value));
      return { value };
    }
    case "text": {
      const text = `Ответ ${item.code} / answer ${variant}`.slice(0, item.maxLength);
      await id("input").fill(text);
      return { text };
    }
    default:
      return undefined;
  }
}

/** Answers every visible item of the current section, in order (so conditions can reveal later items). */
export async function answerSection(page: Page, q: TQuestionnaire, sectionIndex: number, entered: TAnswers, variant = 0): Promise<void> {
  for (const item of q.sections[sectionIndex]!.items) {
    if (item.type === "display") continue;
    const field = page.locator(`[id="item-${item.code}"]`);
    if ((await field.count()) === 0) continue;
    entered[item.code] = await answerItem(page, item, variant);
  }
}

/** Goes through the whole questionnaire section by section, answering everything visible, up to the review step. */
export async function answerEverything(page: Page, q: TQuestionnaire, labels: { next: string; finish: string }, variant = 0): Promise<TAnswers> {
  const entered: TAnswers = {};
  for (let s = 0; s < q.sections.length; s++) {
    const heading = page.locator(`[id="section-${q.sections[s]!.code}"]`);
    if ((await heading.count()) === 0) continue;
    await answerSection(page, q, s, entered, variant);
    const last = s === q.sections.length - 1;
    await page.getByRole("button", { name: last ? labels.finish : labels.next, exact: true }).click();
    if (!last) await expect(page.locator(`[id="section-${q.sections[s + 1]!.code}"]`)).toBeVisible();
  }
  return entered;
}
