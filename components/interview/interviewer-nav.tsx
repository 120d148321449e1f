import Link from "next/link";
import { getTranslations } from "next-intl/server";

const LINKS = [
  { href: "/interviewer", key: "navInterviews" },
  { href: "/interviewer/quotes", key: "navQuotes" },
] as const;

export async function InterviewerNav({ current }: { current: (typeof LINKS)[number]["href"] }) {
  const t = await getTranslations("interview");
  return (
    <nav aria-label={t("interviewerNav")} className="row-actions" style={{ marginBottom: "1rem" }}>
      {LINKS.map((l) => (
        <Link key={l.href} href={l.href} aria-current={l.href === current ? "page" : undefined} className={l.href === current ? "button" : "button secondary"}>
          {t(l.key)}
        </Link>
      ))}
    </nav>
  );
}
