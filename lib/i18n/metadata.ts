import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type en from "./messages/en.json";

export type TPageTitle = keyof (typeof en)["pageTitles"];

/**
 * A page's `generateMetadata`: its title in the page's language (the layout adds " · Expert Panel"
 * in that language too). `extra` carries other fixed metadata, e.g. the referrer policy.
 */
export function pageMetadata(key: TPageTitle, extra: Omit<Metadata, "title"> = {}): () => Promise<Metadata> {
  return async () => {
    const t = await getTranslations("pageTitles");
    return { ...extra, title: t(key) };
  };
}
