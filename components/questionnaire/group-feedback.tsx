"use client";

import { api, apiHref } from "@/lib/api/client";
import { useLiteTranslations } from "@/components/layout/lite-translations";
import type { TItemFeedback, TNumericFeedback } from "@/lib/delphi/feedback";
import { useEffect, useRef } from "react";
import type { TExpertFeedback } from "@/lib/delphi/expert-types";
import { REASON_MAX, needsReason } from "@/lib/delphi/reason";
import type { TAnswerValue } from "@/lib/instrument/answers";
import type { TItem } from "@/lib/instrument/definition";
import { pick, type TLang } from "@/lib/i18n/text";
import { formatAnswer } from "@/lib/instrument/format-answer";

/** What a Delphi round shows beside an item: the expert's own previous answer and the group's. */
export type TDelphiItem = {
  /** The previous round's number. */
  round: number;
  own: TAnswerValue | null;
  /** Null: fewer than k answered, or (real-time rounds) not shown until the expert has answered. */
  group: TItemFeedback | null;
  /** Real-time round: the group's figures are of this round, shown once the expert has answered. */
  live?: boolean;
};

export type TReasonField = { required: boolean; value: string; onChange: (text: string) => void; readOnly?: boolean };

const number = (lang: TLang, v: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(v);

function Histogram({ stats, lang, label }: { stats: TNumericFeedback; lang: TLang; label: string }) {
  const t = useLiteTranslations("questionnaire");
  const top = Math.max(1, ...stats.bars.map((b) => b.n ?? 0));
  return (
    <div className="delphi-numeric">
      <p className="delphi-figures">
        {label && <span className="delphi-row-label">{label}: </span>}
        {t("delphi.numeric", { n: stats.n, median: number(lang, stats.median), q1: number(lang, stats.q1), q3: number(lang, stats.q3) })}
      </p>
      <ul className="delphi-histogram" aria-label={t("delphi.histogram")}>
        {stats.bars.map((bar) => (
          <li key={bar.value}>
            <span className="delphi-bar-value">{bar.value}</span>
            <span className="delphi-bar" aria-hidden="true">
              <span style={{ width: `${(100 * (bar.n ?? 0)) / top}%` }} data-in-iqr={bar.value >= stats.q1 && bar.value <= stats.q3 ? "" : undefined} />
            </span>
            <span className="delphi-bar-n">{bar.n === null ? t("delphi.belowK") : bar.n}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function GroupFigures({ item, group, lang }: { item: TItem; group: TItemFeedback; lang: TLang }) {
  const t = useLiteTranslations("questionnaire");
  const optionLabel = (code: string) => pick(("options" in item ? item.options : []).find((o) => o.code === code)?.label, lang) || code;
  switch (group.kind) {
    case "numeric":
      return (
        <>
          {group.rows.map((row) =>
            row.stats ? (
              <Histogram key={row.code ?? ""} stats={row.stats} lang={lang} label={row.code && item.type === "matrix" ? pick(item.rows.find((r) => r.code === row.code)?.label, lang) : ""} />
            ) : (
              <p key={row.code ?? ""} className="hint">
                {row.code && item.type === "matrix" ? `${pick(item.rows.find((r) => r.code === row.code)?.label, lang)}: ` : ""}
                {t("delphi.tooFew")}
              </p>
            ),
          )}
        </>
      );
    case "choice":
      return (
        <>
          <p className="delphi-figures">{t("delphi.choiceBase", { n: group.base })}</p>
          <ul className="delphi-shares">
            {group.options.map((o) => (
              <li key={o.code}>
                <span>{optionLabel(o.code)}</span> <strong>{o.percent === null ? t("delphi.belowK") : `${number(lang, o.percent)} %`}</strong>
              </li>
            ))}
          </ul>
        </>
      );
    case "ranking":
      return (
        <>
          <p className="delphi-figures">{t("delphi.rankingBase", { n: group.n })}</p>
          <ol className="delphi-shares">
            {group.options.map((o) => (
              <li key={o.code}>
                <span>{optionLabel(o.code)}</span> <strong>{t("delphi.meanRank", { rank: number(lang, o.meanRank) })}</strong>
              </li>
            ))}
          </ol>
        </>
      );
  }
}

/**
 * Beside an item of a Delphi round: the expert's own answer in the previous round and the group's
 * (never anyone's in particular), and, when a changed answer lies outside the group's middle half,
 * a field for a short reason.
 */
export function GroupFeedback({ item, delphi, lang, reason }: { item: TItem; delphi: TDelphiItem; lang: TLang; reason?: TReasonField }) {
  const t = useLiteTranslations("questionnaire");
  const reasonId = `${item.code}-reason`;
  return (
    <div className="delphi-feedback" data-testid={`delphi-${item.code}`}>
      <p className="delphi-own">
        <strong>{t("delphi.own", { round: delphi.round })}</strong> {delphi.own ? formatAnswer(item, delphi.own, lang, t("cannotAssess")) : t("delphi.noOwn")}
      </p>
      <div className="delphi-group">
        <p className="delphi-heading">
          <strong>{delphi.live ? t("delphi.groupLive") : t("delphi.group", { round: delphi.round })}</strong>
        </p>
        {delphi.group ? <GroupFigures item={item} group={delphi.group} lang={lang} /> : <p className="hint">{delphi.live ? t("delphi.afterAnswer") : t("delphi.tooFew")}</p>}
      </div>
      {reason && (reason.required || reason.value) && (
        <div className="delphi-reason">
          <label htmlFor={reasonId}>{t("delphi.reason")}</label>
          <p id={`${reasonId}-hint`} className="hint">
            {t("delphi.reasonHint")}
          </p>
          <textarea
            id={reasonId}
            rows={2}
            maxLength={REASON_MAX}
            value={reason.value}
            readOnly={reason.readOnly}
            aria-describedby={`${reasonId}-hint`}
            aria-required={reason.required || undefined}
            onChange={(e) => reason.onChange(e.target.value)}
          />
        </div>
      )}
    </div>
  );
}

/** One item's Delphi aside on the expert's page: feedback, and the reason field when a changed answer needs one. */
export function DelphiAside({
  item,
  feedback,
  lang,
  value,
  reason,
  onReason,
  readOnly,
}: {
  item: TItem;
  feedback: NonNullable<TExpertFeedback>;
  lang: TLang;
  value: TAnswerValue | undefined;
  reason: string;
  onReason: (text: string) => void;
  readOnly?: boolean;
}) {
  const entry = feedback.items[item.code];
  if (!entry) return null;
  const required = needsReason(item, entry.group, entry.own, value);
  return (
    <GroupFeedback
      item={item}
      delphi={{ round: feedback.round, own: entry.own, group: entry.group, live: feedback.realtime }}
      lang={lang}
      reason={{ required, value: reason, onChange: onReason, readOnly }}
    />
  );
}

/**
 * A real-time round keeps the group's figures current: it listens to the study's answers through
 * /api/expert/delphi/live (PostgreSQL's notifications, so across instances) and refetches the
 * feedback, also once the expert's own saves are through (`saveStatus` back to "saved"), at most every 300 ms.
 */
export function DelphiLive({ onFeedback, saveStatus }: { onFeedback: (f: TExpertFeedback) => void; saveStatus: string }) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const callback = useRef(onFeedback);
  useEffect(() => {
    callback.current = onFeedback;
  }, [onFeedback]);
  const refetch = useRef(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      // A failure (offline) leaves the figures as they are: they update when the stream is back.
      void api("GET /api/expert/delphi", {}, { cache: "no-store" }).then((res) => res.ok && callback.current(res.data.feedback));
    }, 300);
  });
  useEffect(() => {
    const source = new EventSource(apiHref("GET /api/expert/delphi/live"));
    const schedule = refetch.current;
    source.addEventListener("ready", schedule);
    source.addEventListener("change", schedule);
    return () => {
      source.close();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, []);
  useEffect(() => {
    if (saveStatus === "saved") refetch.current();
  }, [saveStatus]);
  return null;
}
