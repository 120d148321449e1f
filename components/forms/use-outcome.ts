"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { TApiError, TApiResult } from "@/lib/api/client";
import type { TOutcome } from "./form-alert";

/**
 * The outcome of a component's API calls, for its <OutcomeAlert>: the server's message (or a generic
 * one) when a call failed, a success message when there is one to say.
 */
export function useOutcome() {
  const common = useTranslations("common");
  const router = useRouter();
  const [outcome, setOutcome] = useState<TOutcome | null>(null);

  const fail = (error: TApiError) => setOutcome({ kind: "error", text: error.message ?? common("unexpectedError") });
  const succeed = (text: string | null) => setOutcome(text === null ? null : { kind: "success", text });
  /** A row action's result, reported whichever it is; the page's server data is refreshed either way. */
  const report = (result: TApiResult<unknown>, success: string | null) => {
    if (result.ok) succeed(success);
    else fail(result.error);
    router.refresh();
  };

  return { outcome, setOutcome, fail, succeed, report, refresh: router.refresh };
}
