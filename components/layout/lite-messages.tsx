import { getLocale, getMessages } from "next-intl/server";
import { LiteMessagesProvider } from "@/components/layout/lite-translations";
import type { TLiteNamespace } from "@/lib/i18n/format-message";

/**
 * ClientMessages for the expert's questionnaire pages, whose client components translate with
 * `useLiteTranslations`: the same catalogue, formatted by lib/i18n/format-message.ts instead of
 * next-intl's ICU runtime (about 13 KB of JavaScript, a tenth of what the page may weigh).
 */
export async function LiteMessages({ namespaces, children }: { namespaces: TLiteNamespace[]; children: React.ReactNode }) {
  const [all, locale] = await Promise.all([getMessages(), getLocale()]);
  const messages = Object.fromEntries(namespaces.map((n) => [n, all[n]]));
  return (
    <LiteMessagesProvider locale={locale} messages={messages}>
      {children}
    </LiteMessagesProvider>
  );
}
