"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { EXPERT_GROUPS } from "@/lib/monitor/schemas";

// Small pieces the monitor's tables share: the scrolling table, percentages, country and group names.

export type TGroup = (typeof EXPERT_GROUPS)[number];

export const cellKey = (country: string, group: string) => `${country}:${group}`;

/** A table that may scroll sideways: focusable, so keyboard users can scroll it too. */
export function TableWrap({ labelledBy, children }: { labelledBy: string; children: React.ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}

export function usePercent() {
  const locale = useLocale();
  const format = useMemo(() => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }), [locale]);
  return (value: number | null) => (value === null ? "—" : format.format(value));
}

export function useNames() {
  const common = useTranslations("common");
  return {
    country: (code: string) => (common.has(`countries.${code}`) ? common(`countries.${code}` as "countries.RU") : code),
    group: (group: string) => common(`groups.${group}` as "groups.SCIENTIST"),
  };
}
