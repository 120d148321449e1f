import { describe, expect, it } from "vitest";
import { parseExpertCsv } from "./import";

const HEADER = "name,email,country,group,organisation,position,degree,publications,experience_years,leadership_role,language,track,notes";

describe("parseExpertCsv", () => {
  it("reads every documented column and normalises codes, names and aliases case-insensitively", () => {
    const csv = [
      HEADER,
      "Anna Petrova, Anna@Example.org ,russia,scientist,RAS,Researcher,PhD,12,15,Board member,Russian,interview,note",
      'Aram Sargsyan,aram@example.org,Республика Армения,NGO,"Eurasia, NGO",Chair,,,,,EN,both,',
      "Bolot Uulu,bolot@example.org,kgz,Business community,,,,,,,,,",
      "Ivan Ivanov,ivan@example.org,BY,official,,,,0,3,,ru,QUESTIONNAIRE,",
    ].join("\n");
    const { rows, problems } = parseExpertCsv(csv);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.row, r.expert?.country, r.expert?.expertGroup, r.expert?.language, r.expert?.track])).toEqual([
      [2, "RU", "SCIENTIST", "ru", "INTERVIEW"],
      [3, "AM", "NONPROFIT", "en", "BOTH"],
      [4, "KG", "BUSINESS", "ru", "QUESTIONNAIRE"],
      [5, "BY", "OFFICIAL", "ru", "QUESTIONNAIRE"],
    ]);
    expect(rows[0]!.expert).toMatchObject({ email: "anna@example.org", publications: 12, experienceYears: 15, leadershipRole: "Board member", organisation: "RAS" });
    expect(rows[1]!.expert).toMatchObject({ organisation: "Eurasia, NGO", publications: null, experienceYears: null });
    expect(rows[3]!.expert).toMatchObject({ publications: 0, experienceYears: 3 });
  });

  it("accepts columns in any order with header aliases", () => {
    const { rows, problems } = parseExpertCsv("E-mail,Country,Expert Group,Full Name,Organization,Experience\nx@example.org,Kazakhstan,Official,X Y,Akimat,7\n");
    expect(problems).toEqual([]);
    expect(rows[0]!.expert).toMatchObject({ name: "X Y", email: "x@example.org", country: "KZ", expertGroup: "OFFICIAL", organisation: "Akimat", experienceYears: 7 });
  });

  it("names the file's row and the field of every problem", () => {
    const csv = [
      HEADER,
      "Good One,good@example.org,RU,SCIENTIST,,,,,,,,,",
      "Bad Mail,not-an-email,RU,SCIENTIST,,,,,,,,,",
      "Bad Country,c@example.org,France,SCIENTIST,,,,,,,,,",
      "Bad Group,g@example.org,RU,Astronaut,,,,,,,,,",
      "Bad Numbers,n@example.org,RU,OFFICIAL,,,,many,-2,,,,",
      "Dup,GOOD@example.org,RU,OFFICIAL,,,,,,,,,",
      ",,RU,OFFICIAL,,,,,,,,,",
    ].join("\n");
    const { problems } = parseExpertCsv(csv);
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [3, "email"],
      [4, "country"],
      [5, "group"],
      [6, "publications"],
      [6, "experience_years"],
      [7, "email"],
      [8, "name"],
      [8, "email"],
    ]);
    expect(problems.find((p) => p.row === 4)!.message).toContain('"France"');
    expect(problems.find((p) => p.row === 7)!.message).toContain("row 2");
    expect(problems.filter((p) => p.row === 8).every((p) => p.message === "This value is required.")).toBe(true);
  });

  it("counts row numbers as lines of the file when a quoted value spans lines", () => {
    const { rows, problems } = parseExpertCsv(`${HEADER}\nA,a@example.org,RU,SCIENTIST,,,,,,,,,"line 1\nline 2"\nB,bad,RU,SCIENTIST,,,,,,,,,\n`);
    expect(rows.map((r) => r.row)).toEqual([2, 4]);
    expect(problems).toEqual([{ row: 4, field: "email", message: "Enter a valid e-mail address." }]);
  });

  it("refuses a file without the required columns or with unknown ones", () => {
    const { rows, problems } = parseExpertCsv("name,country,shoe_size\nA,RU,42\n");
    expect(rows).toEqual([]);
    expect(problems.map((p) => p.field).sort()).toEqual(["email", "group", "shoe_size"]);
  });

  it("reports a malformed file and an empty one", () => {
    expect(parseExpertCsv(`${HEADER}\n"unclosed,a@b.c`).problems[0]!.field).toBe("file");
    expect(parseExpertCsv("").problems[0]!.message).toBe("The file is empty.");
    expect(parseExpertCsv(`${HEADER}\n`).problems[0]!.message).toContain("no experts");
  });
});
