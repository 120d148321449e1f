"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { formatDuration } from "./local-time";

const everySecond = (notify: () => void) => {
  const timer = setInterval(notify, 1000);
  return () => clearInterval(timer);
};

/** Elapsed time since the interview started, ticking each second; the recorded duration once finished. */
export function InterviewClock({ startedAt, finished, durationSeconds }: { startedAt: string | null; finished: boolean; durationSeconds: number }) {
  const t = useTranslations("interview");
  const now = useSyncExternalStore(
    everySecond,
    () => Math.floor(Date.now() / 1000),
    () => null,
  );
  let value = "–:––:––";
  if (finished) value = formatDuration(durationSeconds);
  else if (startedAt && now !== null) value = formatDuration(now - Math.floor(new Date(startedAt).getTime() / 1000));
  return (
    <p className="iv-clock" data-testid="interview-clock">
      <span className="muted">{finished ? t("duration") : t("elapsed")}</span>{" "}
      <span className="iv-clock-value" role="timer" aria-live="off">
        {startedAt || finished ? value : t("notStarted")}
      </span>
    </p>
  );
}
