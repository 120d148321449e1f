"use client";

import { createContext, useContext } from "react";
import { pick, type TLang, type TText } from "@/lib/i18n/text";

/** The language the instrument is shown in (may differ from the interface language in a preview). */
export const InstrumentLangContext = createContext<TLang>("ru");

export function useInstrumentText(): (text: TText | undefined) => string {
  const lang = useContext(InstrumentLangContext);
  return (text) => pick(text, lang);
}
