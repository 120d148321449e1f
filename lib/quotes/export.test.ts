import { describe, expect, it } from "vitest";
import { attribution, CSV_COLUMNS, quotesCsv, quotesMarkdown, type TExportGroup } from "@/lib/quotes/export";
import { parse } from "csv-parse/sync";

/** The export read back as rows, as a spreadsheet would read it. */
const parseCsv = (text: string): string[][] => parse(text, { relax_column_count: true });

const q = (text: string, pseudonym = 4, country = "AM") => ({
  text,
  pseudonym,
  country,
  expertGroup: "SCIENTIST",
  blockCode: "B1",
  questionCode: "Q1",
  interviewId: "00000000-0000-4000-8000-000000000001",
});

const groups: TExportGroup[] = [
  { code: "BARRIERS", path: "Barriers", quotes: [q("Borders, \"customs\"\nand queues.")] },
  { code: "BARRIERS_BUREAUCRACY", path: "Barriers › Bureaucracy", quotes: [q("=HYPERLINK(\"http://x\")", 7, "KZ"), q("-1 is a bad sign", 2, "RU")] },
];

describe("attribution", () => {
  it("names the expert by pseudonym and the country's formal name", () => {
    expect(attribution(4, "AM", "en")).toBe("Expert 4 (Republic of Armenia)");
    expect(attribution(4, "AM", "ru")).toBe("Эксперт 4 (Республика Армения)");
    expect(attribution(12, "RU", "en")).toBe("Expert 12 (Russian Federation)");
    expect(attribution(3, "XX", "en")).toBe("Expert 3 (XX)");
  });
});

describe("CSV export", () => {
  it("has a BOM and a header, parses back to one row per quote and code, with formula cells guarded", () => {
    const csv = quotesCsv(groups, "en");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1)).toEqual([
      ["BARRIERS", "Barriers", "Borders, \"customs\"\nand queues.", "Expert 4 (Republic of Armenia)", "AM", "SCIENTIST", "B1", "Q1", "00000000-0000-4000-8000-000000000001"],
      ["BARRIERS_BUREAUCRACY", "Barriers › Bureaucracy", "'=HYPERLINK(\"http://x\")", "Expert 7 (Republic of Kazakhstan)", "KZ", "SCIENTIST", "B1", "Q1", "00000000-0000-4000-8000-000000000001"],
      ["BARRIERS_BUREAUCRACY", "Barriers › Bureaucracy", "'-1 is a bad sign", "Expert 2 (Russian Federation)", "RU", "SCIENTIST", "B1", "Q1", "00000000-0000-4000-8000-000000000001"],
    ]);
  });

  it("writes attributions in Russian", () => {
    expect(parseCsv(quotesCsv(groups, "ru").slice(1))[1]![3]).toBe("Эксперт 4 (Республика Армения)");
  });

  it("is a header alone when there are no quotes", () => {
    expect(parseCsv(quotesCsv([], "en").slice(1))).toEqual([[...CSV_COLUMNS]]);
  });
});

describe("Markdown export", () => {
  it("groups quotes under a heading per code, each a block quote with its attribution", () => {
    const md = quotesMarkdown(groups, "en");
    expect(md).toBe(
      [
        "# Quotes",
        "",
        "## Barriers",
        "",
        '> Borders, "customs"',
        "> and queues.",
        ">",
        "> — Expert 4 (Republic of Armenia)",
        "",
        "## Barriers › Bureaucracy",
        "",
        '> \\=HYPERLINK("http://x")',
        ">",
        "> — Expert 7 (Republic of Kazakhstan)",
        "",
        "> \\-1 is a bad sign",
        ">",
        "> — Expert 2 (Russian Federation)",
        "",
      ].join("\n"),
    );
  });

  it("shows HTML and Markdown in a quote as text: nothing renders as a tag, link, image or emphasis", () => {
    const md = quotesMarkdown([{ code: "X", path: "<b>Code</b>", quotes: [q('<img src=x onerror=alert(1)> & [click](javascript:alert(1)) ![i](x) *bold* `code` <script>x</script>')] }], "en");
    expect(md).not.toMatch(/<[a-z/]/i);
    expect(md).toContain("## &lt;b&gt;Code&lt;/b&gt;");
    expect(md).toContain("> &lt;img src=x onerror=alert(1)&gt; &amp; \\[click\\](javascript:alert(1)) !\\[i\\](x) \\*bold\\* \\`code\\` &lt;script&gt;x&lt;/script&gt;");
    // Block markers at the start of a line are escaped too.
    expect(quotesMarkdown([{ code: "X", path: "# Not a heading", quotes: [q("# one\n1. two\n+ three")] }], "en")).toContain("## \\# Not a heading\n\n> \\# one\n> 1\\. two\n> \\+ three");
  });

  it("writes Russian, and leaves out codes without quotes", () => {
    const md = quotesMarkdown([{ code: "EMPTY", path: "Пусто", quotes: [] }, { code: "X", path: "Барьеры", quotes: [q("Текст")] }], "ru");
    expect(md).toContain("# Цитаты");
    expect(md).not.toContain("Пусто");
    expect(md).toContain("## Барьеры\n\n> Текст\n>\n> — Эксперт 4 (Республика Армения)\n");
  });
});
