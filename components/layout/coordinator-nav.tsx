import Link from "next/link";
import { getTranslations } from "next-intl/server";

const LINKS = [
  { href: "/coordinator", key: "navOverview" },
  { href: "/coordinator/panel", key: "navPanel" },
  { href: "/coordinator/instruments", key: "navInstruments" },
  { href: "/coordinator/interviews", key: "navInterviews" },
  { href: "/coordinator/codebook", key: "navCodebook" },
  { href: "/coordinator/quotes", key: "navQuotes" },
  { href: "/coordinator/results", key: "navResults" },
  { href: "/coordinator/rounds", key: "navRounds" },
  { href: "/coordinator/messages", key: "navMessages" },
  { href: "/coordinator/monitor", key: "navMonitor" },
  { href: "/coordinator/audit", key: "navAudit" },
  { href: "/coordinator/exports", key: "navExports" },
] as const;

export async function CoordinatorNav({ current }: { current: (typeof LINKS)[number]["href"] }) {
  const t = await getTranslations("coordinator");
  return (
    <nav aria-label={t("navLabel")} className="row-actions coordinator-nav" style={{ marginBottom: "1rem" }}>
      {LINKS.map((l) => (
        <Link key={l.href} href={l.href} aria-current={l.href === current ? "page" : undefined} className={l.href === current ? "button" : "button secondary"}>
          {t(l.key)}
        </Link>
      ))}
    </nav>
  );
}
