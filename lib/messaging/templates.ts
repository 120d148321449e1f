import { z } from "zod";
import type { TDb } from "@/lib/db/types";
import type { Language, MessageKind } from "@/lib/generated/prisma/enums";

/**
 * Plain-text e-mail templates: a default per kind and language, replaced per study by what a
 * coordinator saves (MessageTemplate). Shared by the editor (client) and the server.
 */
export const MESSAGE_KINDS = ["INVITATION", "REMINDER_NOT_STARTED", "REMINDER_NOT_FINISHED"] as const satisfies readonly MessageKind[];
export const LANGUAGES = ["ru", "en"] as const satisfies readonly Language[];
export const PLACEHOLDERS = ["name", "study", "link", "expiresAt"] as const;
export type TPlaceholder = (typeof PLACEHOLDERS)[number];

export type TTemplateText = { subject: string; body: string };

export const DEFAULT_TEMPLATES: Record<MessageKind, Record<Language, TTemplateText>> = {
  INVITATION: {
    ru: {
      subject: "Приглашение к участию в экспертном опросе «{{study}}»",
      body: [
        "Уважаемый(ая) {{name}}!",
        "",
        "Приглашаем вас принять участие в экспертном опросе «{{study}}» в качестве эксперта.",
        "",
        "Ваша персональная ссылка для входа (действует до {{expiresAt}}, используется один раз):",
        "{{link}}",
        "",
        "Пожалуйста, не пересылайте это письмо: ссылка ведёт в вашу личную анкету.",
        "",
        "С уважением,",
        "исследовательская группа",
      ].join("\n"),
    },
    en: {
      subject: "Invitation to the expert survey “{{study}}”",
      body: [
        "Dear {{name}},",
        "",
        "We invite you to take part as an expert in the survey “{{study}}”.",
        "",
        "Your personal sign-in link (valid until {{expiresAt}}, single use):",
        "{{link}}",
        "",
        "Please do not forward this e-mail: the link opens your personal questionnaire.",
        "",
        "Kind regards,",
        "The research team",
      ].join("\n"),
    },
  },
  REMINDER_NOT_STARTED: {
    ru: {
      subject: "Напоминание: экспертный опрос «{{study}}»",
      body: [
        "Уважаемый(ая) {{name}}!",
        "",
        "Напоминаем, что мы ждём ваших ответов в экспертном опросе «{{study}}». Вы ещё не начали заполнять анкету.",
        "",
        "Новая персональная ссылка для входа (действует до {{expiresAt}}; прежние ссылки больше не действуют):",
        "{{link}}",
        "",
        "С уважением,",
        "исследовательская группа",
      ].join("\n"),
    },
    en: {
      subject: "Reminder: the expert survey “{{study}}”",
      body: [
        "Dear {{name}},",
        "",
        "This is a reminder that we are looking forward to your answers in the survey “{{study}}”. You have not started the questionnaire yet.",
        "",
        "Your new personal sign-in link (valid until {{expiresAt}}; earlier links no longer work):",
        "{{link}}",
        "",
        "Kind regards,",
        "The research team",
      ].join("\n"),
    },
  },
  REMINDER_NOT_FINISHED: {
    ru: {
      subject: "Напоминание: завершите анкету «{{study}}»",
      body: [
        "Уважаемый(ая) {{name}}!",
        "",
        "Вы начали заполнять анкету экспертного опроса «{{study}}», но ещё не отправили её. Ваши ответы сохранены — можно продолжить с того же места.",
        "",
        "Новая персональная ссылка для входа (действует до {{expiresAt}}; прежние ссылки больше не действуют):",
        "{{link}}",
        "",
        "С уважением,",
        "исследовательская группа",
      ].join("\n"),
    },
    en: {
      subject: "Reminder: please finish the questionnaire “{{study}}”",
      body: [
        "Dear {{name}},",
        "",
        "You have started the questionnaire of the survey “{{study}}” but have not submitted it yet. Your answers are saved: you can continue where you left off.",
        "",
        "Your new personal sign-in link (valid until {{expiresAt}}; earlier links no longer work):",
        "{{link}}",
        "",
        "Kind regards,",
        "The research team",
      ].join("\n"),
    },
  },
};

const PLACEHOLDER_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Placeholder names used in a text that the renderer does not know. */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1]!);
  return [...new Set(names.filter((n) => !(PLACEHOLDERS as readonly string[]).includes(n)))];
}

const templateText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "required")
    .max(max)
    .superRefine((text, ctx) => {
      const unknown = unknownPlaceholders(text);
      if (unknown.length) ctx.addIssue({ code: "custom", message: `unknown placeholder: ${unknown.map((n) => `{{${n}}}`).join(", ")}` });
    });

export const ZTemplate = z.object({
  kind: z.enum(MESSAGE_KINDS),
  language: z.enum(LANGUAGES),
  subject: templateText(300).refine((s) => !/[\r\n]/.test(s), "one line"),
  body: templateText(20_000).refine((s) => s.includes("{{link}}"), "must contain {{link}}"),
});
export type TTemplate = z.infer<typeof ZTemplate>;

/** The editor's form: all six templates of a study (3 kinds x 2 languages), saved together. */
export const ZTemplateSet = z.object({
  templates: z
    .array(ZTemplate)
    .length(MESSAGE_KINDS.length * LANGUAGES.length)
    .refine((list) => new Set(list.map((t) => `${t.kind}:${t.language}`)).size === list.length, "each kind and language once"),
});
export type TTemplateSet = z.infer<typeof ZTemplateSet>;

/** Fills placeholders; unknown ones never reach here (refused on save), and are left as written. */
export function renderText(text: string, values: Record<TPlaceholder, string>): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole, name: string) => ((PLACEHOLDERS as readonly string[]).includes(name) ? values[name as TPlaceholder] : whole));
}

export function renderTemplate(template: TTemplateText, values: Record<TPlaceholder, string>): TTemplateText {
  return { subject: renderText(template.subject, values), body: renderText(template.body, values) };
}

/** The template in force: the study's saved one, or the default. */
export async function templateFor(client: TDb, studyId: string, kind: MessageKind, language: Language): Promise<TTemplateText> {
  const saved = await client.messageTemplate.findUnique({ where: { studyId_kind_language: { studyId, kind, language } }, select: { subject: true, body: true } });
  return saved ?? DEFAULT_TEMPLATES[kind][language];
}

/** All six templates of a study, each marked whether it is the default. */
export async function templatesOf(client: TDb, studyId: string): Promise<(TTemplate & { isDefault: boolean })[]> {
  const saved = await client.messageTemplate.findMany({ where: { studyId }, select: { kind: true, language: true, subject: true, body: true } });
  return MESSAGE_KINDS.flatMap((kind) =>
    LANGUAGES.map((language) => {
      const row = saved.find((s) => s.kind === kind && s.language === language);
      return { kind, language, ...(row ?? DEFAULT_TEMPLATES[kind][language]), isDefault: !row };
    }),
  );
}

/** Formats the link's expiry for the expert's language, in UTC so that every worker writes the same text. */
export function formatExpiry(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(language === "ru" ? "ru-RU" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(date);
}
