import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/site-header";
import { getActor } from "@/lib/auth/actor";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, t, actor] = await Promise.all([getLocale(), getTranslations("common"), getActor().catch(() => null)]);
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#content">
          {t("skipToContent")}
        </a>
        <SiteHeader />
        {/* Coordinators' pages hold wide tables: they use the width of a 1280 px screen. */}
        <main id="content" className={actor?.role === "COORDINATOR" ? "wide" : undefined}>
          {children}
        </main>
      </body>
    </html>
  );
}
