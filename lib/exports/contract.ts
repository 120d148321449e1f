import { z } from "zod";
import { defineRoute } from "@/lib/http/contract";
import { ZStudyParams } from "@/lib/study/schemas";

/** `?lang=ru|en` picks the labels of the file (default: the coordinator's language). */
export const ZExportFileQuery = z.object({
  lang: z.enum(["ru", "en"]).optional(),
  /** The wave exported: a number, or "all"; absent: the latest (lib/study/study-waves.ts). */
  wave: z.union([z.literal("all"), z.coerce.number().int().min(1).max(10_000)]).optional(),
});

const file = <const F extends string>(name: F, contentType: string, summary: string) =>
  defineRoute({
    method: "GET",
    path: `/api/coordinator/studies/[studyId]/exports/${name}`,
    summary,
    roles: ["COORDINATOR"],
    params: ZStudyParams,
    query: ZExportFileQuery,
    response: { kind: "file", contentType },
  });

export const exportRoutes = {
  wide: file("wide.csv", "text/csv", "Every response as one row (CSV, wide)."),
  long: file("long.csv", "text/csv", "Every answer as one row (CSV, long)."),
  xlsx: file("data.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "The data and codebook as an Excel workbook."),
  sav: file("data.sav", "application/x-spss-sav", "The data as an SPSS system file with labels and missing values."),
  codebook: file("codebook.json", "application/json", "The codebook of the study's questionnaire versions (JSON)."),
};
