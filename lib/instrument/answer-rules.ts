import type { TAnswers, TAnswerValue, TMatrixAnswer, TMultiAnswer, TRankingAnswer, TScaleAnswer, TSingleAnswer, TTextAnswer, TNumberAnswer } from "@/lib/instrument/answers";
import type { TCondition, TItem, TQuestionnaire } from "@/lib/instrument/definition";
import { allItems, isAnswerable } from "@/lib/instrument/items";

/**
 * The rules an answer follows, as plain functions: the server applies them inside its zod schemas
 * (answers.ts: `answerSchema` checks the shape, then these rules), and the questionnaire page uses
 * them directly, so the page needs no zod. Messages are keys of the "answers" message namespace.
 *
 * Two levels: `answerIssues` says whether a value of the right shape is *valid* (a save of it is
 * accepted); `completenessError` says whether a valid value is *complete* enough to submit.
 */

export type TAnswerIssue = { path: Array<string | number>; message: string };

function inRange(value: number, min: number | undefined, max: number | undefined): boolean {
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}

/** What is wrong with a value of the item's answer shape, by the item's own rules ([] when it is valid). */
export function answerIssues(item: TItem, value: TAnswerValue): TAnswerIssue[] {
  const issues: TAnswerIssue[] = [];
  const issue = (path: TAnswerIssue["path"], message: string) => issues.push({ path, message });
  switch (item.type) {
    case "single": {
      const v = value as TSingleAnswer;
      const other = item.options.find((o) => o.other)?.code;
      if (!item.options.some((o) => o.code === v.choice)) issue(["choice"], "unknownOption");
      if (v.other !== undefined && v.choice !== other) issue(["other"], "otherNotChosen");
      break;
    }
    case "multi": {
      const v = value as TMultiAnswer;
      const codes = new Set(item.options.map((o) => o.code));
      const exclusive = new Set(item.options.filter((o) => o.exclusive).map((o) => o.code));
      const other = item.options.find((o) => o.other)?.code;
      if (v.choices.some((c) => !codes.has(c))) issue(["choices"], "unknownOption");
      if (new Set(v.choices).size !== v.choices.length) issue(["choices"], "duplicateChoice");
      if (item.maxSelect !== undefined && v.choices.length > item.maxSelect) issue(["choices"], "tooMany");
      if (v.choices.length > 1 && v.choices.some((c) => exclusive.has(c))) issue(["choices"], "exclusiveWithOthers");
      if (v.other !== undefined && (!other || !v.choices.includes(other))) issue(["other"], "otherNotChosen");
      break;
    }
    case "scale": {
      const v = value as TScaleAnswer;
      if ("cannotAssess" in v) {
        if (!item.cannotAssess) issue(["cannotAssess"], "invalid");
      } else if (!Number.isInteger(v.value) || !inRange(v.value, item.min, item.max)) {
        issue(["value"], "outOfRange");
      }
      break;
    }
    case "matrix": {
      const rows = new Set(item.rows.map((r) => r.code));
      for (const [row, v] of Object.entries((value as TMatrixAnswer).rows)) {
        if (!rows.has(row)) issue(["rows", row], "unknownRow");
        else if (v === "NA" ? !item.cannotAssess : !Number.isInteger(v) || !inRange(v, item.min, item.max)) issue(["rows", row], "outOfRange");
      }
      break;
    }
    case "ranking": {
      const v = value as TRankingAnswer;
      const codes = new Set(item.options.map((o) => o.code));
      if (v.order.some((c) => !codes.has(c))) issue(["order"], "unknownOption");
      if (new Set(v.order).size !== v.order.length) issue(["order"], "duplicateChoice");
      if (v.order.length > item.topK) issue(["order"], "tooMany");
      break;
    }
    case "number": {
      const v = value as TNumberAnswer;
      if (!Number.isFinite(v.value)) issue(["value"], "notANumber");
      else if (item.integer && !Number.isInteger(v.value)) issue(["value"], "notInteger");
      else if (!inRange(v.value, item.min, item.max)) issue(["value"], "outOfRange");
      break;
    }
    case "text":
      if ((value as TTextAnswer).text.length > item.maxLength) issue(["text"], "tooLong");
      break;
    case "display":
      issue([], "notAnswerable");
      break;
  }
  return issues;
}

/** What is wrong with an answer, as a message key, or null. */
export type TAnswerCheck = (item: TItem, value: TAnswerValue) => string | null;

/** The check of answers the page's own controls make (so of the right shape): the item's rules. */
export const answerError: TAnswerCheck = (item, value) => answerIssues(item, value)[0]?.message ?? null;

/** Whether a stored value counts as an answer (an empty text or selection does not). */
export function isAnswered(item: TItem, value: TAnswerValue | undefined): boolean {
  if (value === undefined) return false;
  switch (item.type) {
    case "multi":
      return (value as TMultiAnswer).choices.length > 0;
    case "matrix":
      return Object.keys((value as TMatrixAnswer).rows).length > 0;
    case "ranking":
      return (value as TRankingAnswer).order.length > 0;
    case "text":
      return (value as TTextAnswer).text.trim() !== "";
    default:
      return true;
  }
}

/** For a valid value: what still keeps it from being complete, as a message key, or null. */
export function completenessError(item: TItem, value: TAnswerValue | undefined): string | null {
  if (!isAnswered(item, value)) return item.required ? "required" : null;
  switch (item.type) {
    case "single": {
      const v = value as TSingleAnswer;
      const other = item.options.find((o) => o.other)?.code;
      return v.choice === other && !v.other?.trim() ? "otherMissing" : null;
    }
    case "multi": {
      const v = value as TMultiAnswer;
      const other = item.options.find((o) => o.other)?.code;
      if (item.minSelect !== undefined && v.choices.length < item.minSelect && !v.choices.some((c) => item.options.find((o) => o.code === c)?.exclusive)) return "tooFew";
      return other && v.choices.includes(other) && !v.other?.trim() ? "otherMissing" : null;
    }
    case "matrix":
      return item.required && Object.keys((value as TMatrixAnswer).rows).length < item.rows.length ? "rowsMissing" : null;
    case "ranking":
      return item.required && (value as TRankingAnswer).order.length < Math.min(item.topK, item.options.length) ? "rankingIncomplete" : null;
    default:
      return null;
  }
}

function holds(condition: TCondition, value: TAnswerValue | undefined): boolean {
  if (value === undefined) return false;
  switch (condition.op) {
    case "equals":
      if ("choice" in value) return value.choice === condition.value;
      return "value" in value && value.value === condition.value;
    case "includes":
      return "choices" in value && value.choices.includes(String(condition.value));
    case "gte":
      return "value" in value && typeof condition.value === "number" && value.value >= condition.value;
    case "lte":
      return "value" in value && typeof condition.value === "number" && value.value <= condition.value;
  }
}

/**
 * The codes of the items a respondent sees given their answers, in order. Conditions point only
 * to earlier items, so one pass suffices; the answer of a hidden item counts as absent.
 */
export function visibleItemCodes(q: TQuestionnaire, answers: TAnswers): Set<string> {
  const visible = new Set<string>();
  const effective = (code: string) => (visible.has(code) ? answers[code] : undefined);
  for (const section of q.sections) {
    if (!(section.showIf ?? []).every((c) => holds(c, effective(c.item)))) continue;
    for (const item of section.items) {
      if ((item.showIf ?? []).every((c) => holds(c, effective(c.item)))) visible.add(item.code);
    }
  }
  return visible;
}

export type TResponseProblem = { item: string; error: string };

/**
 * A whole response checked before submission: every answer valid for its item (by `check`), every
 * visible required item answered and complete. Answers to hidden items are ignored. The server
 * runs it with its zod schemas (`checkResponse`), the review step with `answerError`.
 */
export function responseProblems(q: TQuestionnaire, answers: TAnswers, check: TAnswerCheck): { problems: TResponseProblem[]; visible: Set<string> } {
  const visible = visibleItemCodes(q, answers);
  const problems: TResponseProblem[] = [];
  const known = new Set(allItems(q).map((i) => i.code));
  for (const code of Object.keys(answers)) if (!known.has(code)) problems.push({ item: code, error: "unknownItem" });
  for (const item of allItems(q)) {
    if (!visible.has(item.code)) continue;
    const value = answers[item.code];
    if (!isAnswerable(item)) {
      if (value !== undefined) problems.push({ item: item.code, error: "notAnswerable" });
      continue;
    }
    const invalid = value === undefined ? null : check(item, value);
    const problem = invalid ?? completenessError(item, value);
    if (problem) problems.push({ item: item.code, error: problem });
  }
  return { problems, visible };
}

const isDone = (i: TItem, answers: TAnswers) => {
  const value = answers[i.code];
  return (value === undefined || answerError(i, value) === null) && completenessError(i, value) === null;
};

/** Progress as the expert sees it: required visible items answered, out of all required visible items. */
export function progress(q: TQuestionnaire, answers: TAnswers): { answered: number; total: number } {
  const visible = visibleItemCodes(q, answers);
  const required = allItems(q).filter((i) => i.required && isAnswerable(i) && visible.has(i.code));
  return { answered: required.filter((i) => isDone(i, answers)).length, total: required.length };
}

/** The same progress per section (in the definition's order), for the section list. */
export function sectionProgress(q: TQuestionnaire, answers: TAnswers): Array<{ answered: number; total: number }> {
  const visible = visibleItemCodes(q, answers);
  return q.sections.map((s) => {
    const required = s.items.filter((i) => i.required && isAnswerable(i) && visible.has(i.code));
    return { answered: required.filter((i) => isDone(i, answers)).length, total: required.length };
  });
}
