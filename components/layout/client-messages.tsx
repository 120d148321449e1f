import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/**
 * Hands client components only the message namespaces they use, so a page never ships the whole
 * catalogue (or another role's texts) to the browser. Only pages whose client components use
 * next-intl wrap them in it: the root layout does not, so pages without such components load no
 * message formatting at all.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: string[]; children: React.ReactNode }) {
  const all = await getMessages();
  const messages = Object.fromEntries(["common", ...namespaces].filter((n) => n in all).map((n) => [n, all[n]]));
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
