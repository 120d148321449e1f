import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES, LANGUAGES, MESSAGE_KINDS, ZTemplate, ZTemplateSet, renderTemplate, unknownPlaceholders } from "@/lib/messaging/templates";
import { ZReminderSettings, parseDays } from "@/lib/messaging/schemas";

const values = { name: "Jane Roe", study: "EAEU", link: "https://x.test/invite/abc", expiresAt: "12 December 2026" };

describe("message templates", () => {
  it("every default is valid: known placeholders only, a link, a one-line subject", () => {
    const all = MESSAGE_KINDS.flatMap((kind) => LANGUAGES.map((language) => ({ kind, language, ...DEFAULT_TEMPLATES[kind][language] })));
    expect(ZTemplateSet.safeParse({ templates: all }).success).toBe(true);
  });

  it("fills every placeholder, also with spaces inside the braces", () => {
    const out = renderTemplate({ subject: "Hi {{ name }}", body: "{{study}} until {{expiresAt}}: {{link}}" }, values);
    expect(out).toEqual({ subject: "Hi Jane Roe", body: "EAEU until 12 December 2026: https://x.test/invite/abc" });
    expect(renderTemplate(DEFAULT_TEMPLATES.INVITATION.ru, values).body).not.toMatch(/\{\{/);
  });

  it("refuses unknown placeholders and a body without the link", () => {
    expect(unknownPlaceholders("{{name}} {{ surname }} {{link}} {{surname}}")).toEqual(["surname"]);
    const bad = ZTemplate.safeParse({ kind: "INVITATION", language: "en", subject: "Hi {{firstName}}", body: "{{link}}" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toContain("{{firstName}}");
    expect(ZTemplate.safeParse({ kind: "INVITATION", language: "en", subject: "Hi", body: "no link here" }).success).toBe(false);
    expect(ZTemplate.safeParse({ kind: "INVITATION", language: "en", subject: "Two\nlines", body: "{{link}}" }).success).toBe(false);
  });

  it("requires all six templates, each kind and language once", () => {
    const one = { kind: "INVITATION", language: "en", subject: "s", body: "{{link}}" };
    expect(ZTemplateSet.safeParse({ templates: Array(6).fill(one) }).success).toBe(false);
  });
});

describe("reminder settings", () => {
  it("parses a day list and keeps it sorted and unique", () => {
    expect(parseDays("7, 3 3")).toEqual([7, 3, 3]);
    expect(parseDays("3, x")).toBeNull();
    expect(ZReminderSettings.parse({ remindNotStartedDays: [7, 3, 3], remindNotFinishedDays: [], remindersPaused: false }).remindNotStartedDays).toEqual([3, 7]);
    expect(ZReminderSettings.safeParse({ remindNotStartedDays: [0], remindNotFinishedDays: [], remindersPaused: false }).success).toBe(false);
  });
});
