import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/**
 * Hands client components only the message namespaces they use, so a page never ships the whole
 * catalogue (or another role's texts) to the browser.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: string[]; children: React.ReactNode }) {
  const all = await getMessages();
  const messages = Object.fromEntries(["common", ...namespaces].filter((n) => n in all).map((n) => [n, all[n]]));
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
