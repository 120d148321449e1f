"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { TApiError, TApiResult } from "@/lib/api/client";

/**
 * What the three ways to start an instrument do with the server's answer: open the new draft in the
 * editor, or show why it failed (`describe` may add the error's details to the message).
 */
export function useStartInstrument() {
  const t = useTranslations("instruments");
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);

  const finish = (result: TApiResult<{ versionId: string }>, describe: (message: string, error: TApiError) => string = (m) => m) => {
    if (!result.ok) {
      setFailure(describe(result.error.message ?? t("failed"), result.error));
      return;
    }
    router.push(`/coordinator/instruments/${result.data.versionId}/edit`);
  };

  return { failure, setFailure, finish };
}
