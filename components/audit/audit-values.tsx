import { getLocale, getTranslations } from "next-intl/server";

type TTranslate = Awaited<ReturnType<typeof getTranslations<"audit">>>;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** An audit action ("auth.sign_in") as words in the page's language; an action not named yet stays as its code. */
export function auditActionName(t: TTranslate, action: string): string {
  const key = `actions.${action}`;
  return t.has(key as "actions.auth.sign_in") ? t(key as "actions.auth.sign_in") : action;
}

/** An audited entity ("Expert") as a word in the page's language. */
export function auditEntityName(t: TTranslate, entity: string): string {
  const key = `entities.${entity}`;
  return t.has(key as "entities.Expert") ? t(key as "entities.Expert") : entity;
}

/**
 * The stored before/after of an audit entry as a list of named fields, in the page's language:
 * field names and status values as words, times as local dates, nested values as compact text.
 * React escapes every value, so markup in one is shown, never run.
 */
export async function AuditValues({ value }: { value: unknown }) {
  if (value === null || value === undefined) return null;
  const [t, locale] = await Promise.all([getTranslations("audit"), getLocale()]);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", hourCycle: "h23", timeZone: "UTC" });
  const word = (group: "fields" | "values", key: string) => {
    const path = `${group}.${key}`;
    return t.has(path as "fields.status") ? t(path as "fields.status") : key;
  };
  const show = (v: unknown): string => {
    if (v === null || v === undefined || v === "") return "—";
    if (typeof v === "boolean") return t(v ? "values.yes" : "values.no");
    if (typeof v === "string") return ISO_TIME.test(v) && !Number.isNaN(Date.parse(v)) ? `${when.format(new Date(v))} UTC` : /^[A-Za-z_]+$/.test(v) ? word("values", v) : v;
    if (typeof v === "number") return v.toLocaleString(locale);
    if (Array.isArray(v)) return v.every((x) => typeof x !== "object" || x === null) ? v.map(show).join(", ") : v.map(show).join("\n");
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${word("fields", k)}: ${show(x)}`)
      .join("; ");
  };
  if (typeof value !== "object" || Array.isArray(value)) return <span className="audit-lines">{show(value)}</span>;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return null;
  return (
    <dl className="audit-values">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{word("fields", k)}</dt>
          <dd>{show(v)}</dd>
        </div>
      ))}
    </dl>
  );
}
