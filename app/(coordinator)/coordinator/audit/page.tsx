import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AuditValues, auditActionName, auditEntityName } from "@/components/audit/audit-values";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { requirePageActor } from "@/lib/auth/actor";
import { ZAuditQuery } from "@/lib/monitor/audit-schemas";
import { auditFacets, listAuditEvents } from "@/lib/monitor/audit-log";
import { pageMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = pageMetadata("audit");

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTERS = ["actor", "action", "entity", "from", "to"] as const;
/** Kept from page to page: the filters and the page size. */
const KEPT = [...FILTERS, "limit"] as const;

export default async function AuditPage({ searchParams }: TProps) {
  const actor = await requirePageActor("COORDINATOR", "/coordinator/audit");
  const [t, locale] = await Promise.all([getTranslations("audit"), getLocale()]);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium", hourCycle: "h23", timeZone: "UTC" });
  const raw = await searchParams;
  const query = Object.fromEntries(
    [...KEPT, "before" as const].flatMap((k) => {
      const v = raw[k];
      const value = Array.isArray(v) ? v.at(-1) : v;
      return value ? [[k, value]] : [];
    }),
  ) as Record<(typeof KEPT)[number] | "before", string | undefined>;
  const parsed = ZAuditQuery.safeParse(query);
  const [facets, page] = await Promise.all([auditFacets(actor), parsed.success ? listAuditEvents(actor, query) : null]);
  const filtersOnly = new URLSearchParams(KEPT.flatMap((k) => (query[k] ? [[k, query[k]!]] : [])));
  const olderHref = page?.nextBefore ? `/coordinator/audit?${new URLSearchParams([...filtersOnly, ["before", page.nextBefore]])}` : null;
  const newestHref = `/coordinator/audit${filtersOnly.size ? `?${filtersOnly}` : ""}`;

  return (
    <>
      <CoordinatorNav current="/coordinator/audit" />
      <h1>{t("title")}</h1>
      <p className="muted">{t("lead")}</p>
      <form method="get" action="/coordinator/audit" className="card stack" aria-labelledby="audit-filters">
        <h2 id="audit-filters" style={{ margin: 0 }}>
          {t("filters")}
        </h2>
        <div className="grid-2">
          <div>
            <label htmlFor="audit-actor">{t("actor")}</label>
            <input id="audit-actor" name="actor" defaultValue={query.actor ?? ""} maxLength={200} />
          </div>
          <div>
            <label htmlFor="audit-action">{t("action")}</label>
            <select id="audit-action" name="action" defaultValue={query.action ?? ""}>
              <option value="">{t("anyAction")}</option>
              {query.action && !facets.actions.includes(query.action) && <option value={query.action}>{query.action}</option>}
              {facets.actions.map((a) => (
                <option key={a} value={a}>
                  {auditActionName(t, a)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="audit-entity">{t("entity")}</label>
            <select id="audit-entity" name="entity" defaultValue={query.entity ?? ""}>
              <option value="">{t("anyEntity")}</option>
              {facets.entities.map((e) => (
                <option key={e} value={e}>
                  {auditEntityName(t, e)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="audit-from">{t("from")}</label>
            <input id="audit-from" name="from" type="date" defaultValue={query.from ?? ""} />
          </div>
          <div>
            <label htmlFor="audit-to">{t("to")}</label>
            <input id="audit-to" name="to" type="date" defaultValue={query.to ?? ""} />
          </div>
        </div>
        <div className="row-actions">
          <button type="submit">{t("apply")}</button>
          <Link href="/coordinator/audit" className="button secondary">
            {t("reset")}
          </Link>
        </div>
      </form>
      {!parsed.success && (
        <p className="alert error" role="alert">
          {t("badFilters", { message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") })}
        </p>
      )}
      {page && (
        <div className="stack" style={{ marginTop: "1rem" }}>
          {page.rows.length === 0 ? (
            <p className="muted">{t("none")}</p>
          ) : (
            <div className="table-wrap" role="region" aria-label={t("caption")} tabIndex={0}>
              <table>
                <caption className="muted">{t("caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("at")}</th>
                    <th scope="col">{t("who")}</th>
                    <th scope="col">{t("what")}</th>
                    <th scope="col">{t("onWhat")}</th>
                    <th scope="col">{t("before")}</th>
                    <th scope="col">{t("after")}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((r) => (
                    <tr key={r.id} data-testid={`audit-${r.id}`}>
                      <td>
                        <time dateTime={r.at}>{when.format(new Date(r.at))}</time>
                      </td>
                      <td>
                        {r.actor ? (
                          <>
                            {r.actor.name}
                            <br />
                            <span className="muted">{r.actor.email}</span>
                          </>
                        ) : (
                          t("system")
                        )}
                      </td>
                      <td>
                        {auditActionName(t, r.action)}
                      </td>
                      <td>
                        {auditEntityName(t, r.entity)}
                        {r.entityId && (
                          <>
                            <br />
                            <code className="muted" style={{ wordBreak: "break-all" }}>
                              {r.entityId}
                            </code>
                          </>
                        )}
                      </td>
                      <td>
                        <AuditValues value={r.before} />
                      </td>
                      <td>
                        <AuditValues value={r.after} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label={t("title")} className="row-actions">
            {query.before && (
              <Link href={newestHref} className="button secondary">
                {t("newest")}
              </Link>
            )}
            {olderHref && (
              <Link href={olderHref} className="button secondary">
                {t("older")}
              </Link>
            )}
          </nav>
        </div>
      )}
    </>
  );
}
