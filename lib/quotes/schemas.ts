import { z } from "zod";
import { MAX_CODES_PER_TAG } from "@/lib/interviews/schemas";

/** Longest quote, in characters. */
export const QUOTE_MAX_CHARS = 2000;

/** A passage of a note marked as a quote: offsets into the note's current text, and that text. */
export const ZCreateQuote = z.object({
  questionCode: z.string().min(1).max(40),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  text: z.string().min(1).max(QUOTE_MAX_CHARS),
  codeIds: z.array(z.uuid()).max(MAX_CODES_PER_TAG).optional(),
});
export type TCreateQuote = z.input<typeof ZCreateQuote>;

export const ZLang = z.enum(["ru", "en"]);
export const ZExpertGroup = z.enum(["SCIENTIST", "OFFICIAL", "BUSINESS", "NONPROFIT"]);

/** Filters of the quotes browser; a code includes every code below it. */
export const ZQuoteFilters = z.object({
  code: z.uuid().optional(),
  block: z.string().min(1).max(40).optional(),
  country: z
    .string()
    .length(2)
    .transform((c) => c.toUpperCase())
    .optional(),
  group: ZExpertGroup.optional(),
  lang: ZLang.optional(),
});
export type TQuoteFilters = z.input<typeof ZQuoteFilters>;

export const ZQuoteExport = ZQuoteFilters.extend({ format: z.enum(["csv", "md"]).default("csv") });
export type TQuoteExport = z.input<typeof ZQuoteExport>;

export const ZQuoteParams = z.object({ quoteId: z.uuid() });
