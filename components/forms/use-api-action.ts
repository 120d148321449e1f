"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { TApiResult } from "@/lib/api/client";

type TRunOptions = {
  /** Asked with window.confirm first; nothing is sent when the user declines. */
  confirm?: string;
  /** Refresh the page's server data after a failure too (the row may have changed meanwhile). */
  refreshOnError?: boolean;
  /** Shown instead of the server's message when the call fails. */
  errorMessage?: string;
};

/**
 * A button's call to the API: busy while it runs, the server's message (or a generic one) as `error`
 * when it fails, and the page's server data refreshed when it succeeds. `run` resolves to whether it did.
 */
export function useApiAction() {
  const common = useTranslations("common");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (call: () => Promise<TApiResult<unknown>>, options: TRunOptions = {}): Promise<boolean> => {
    if (options.confirm !== undefined && !window.confirm(options.confirm)) return false;
    setBusy(true);
    setError(null);
    const result = await call();
    setBusy(false);
    if (!result.ok) setError(options.errorMessage ?? result.error.message ?? common("unexpectedError"));
    if (result.ok || options.refreshOnError) router.refresh();
    return result.ok;
  };

  return { run, busy, error, setError };
}
