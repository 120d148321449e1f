"use client";

import { createContext, useCallback, useContext, useMemo } from "react";
import { formatMessage, type TLiteNamespace, type TMessageValues } from "@/lib/i18n/format-message";

type TTree = { [key: string]: string | TTree };
type TLiteMessages = { locale: string; messages: Partial<Record<TLiteNamespace, TTree>> };

const LiteMessagesContext = createContext<TLiteMessages | null>(null);

export function LiteMessagesProvider({ locale, messages, children }: TLiteMessages & { children: React.ReactNode }) {
  const value = useMemo(() => ({ locale, messages }), [locale, messages]);
  return <LiteMessagesContext.Provider value={value}>{children}</LiteMessagesContext.Provider>;
}

/** `t(key, values)` for one namespace, like next-intl's `useTranslations`; needs `<LiteMessages>` around the page. */
export function useLiteTranslations(namespace: TLiteNamespace): (key: string, values?: TMessageValues) => string {
  const context = useContext(LiteMessagesContext);
  if (!context) throw new Error(`useLiteTranslations("${namespace}") needs <LiteMessages> around the page.`);
  return useCallback(
    (key, values) => {
      let node: string | TTree | undefined = context.messages[namespace];
      for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
      return typeof node === "string" ? formatMessage(context.locale, node, values) : `${namespace}.${key}`;
    },
    [context, namespace],
  );
}
