"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues } from "react-hook-form";
import type { z } from "zod";
import type { TApiError, TApiResult } from "@/lib/api/client";
import type { TOutcome } from "./form-alert";

type TSubmitOptions<TOut, TData> = {
  /** The success message to show; runs after the call succeeded (reset the form here). */
  onSuccess: (data: TData, values: TOut) => string;
  /** Runs when the call failed, before the server's message is shown (e.g. to mark fields). */
  onError?: (error: TApiError) => void;
};

/**
 * A react-hook-form form checked by the server's own zod schema, whose submission calls the API
 * (lib/api/client.ts): the outcome, a success message or the server's error, is kept for an
 * <OutcomeAlert>, and the page's server data is refreshed after a success.
 */
export function useApiForm<TIn extends FieldValues, TOut extends FieldValues = TIn>(schema: z.ZodType<TOut, TIn>, defaultValues?: DefaultValues<TIn>) {
  const common = useTranslations("common");
  const router = useRouter();
  const [outcome, setOutcome] = useState<TOutcome | null>(null);
  const form = useForm<TIn, unknown, TOut>({ resolver: zodResolver(schema), defaultValues });

  const submitWith = <TData>(send: (values: TOut) => Promise<TApiResult<TData>>, options: TSubmitOptions<TOut, TData>) =>
    form.handleSubmit(async (values) => {
      setOutcome(null);
      const result = await send(values);
      if (!result.ok) {
        options.onError?.(result.error);
        setOutcome({ kind: "error", text: result.error.message ?? common("unexpectedError") });
        return;
      }
      setOutcome({ kind: "success", text: options.onSuccess(result.data, values) });
      router.refresh();
    });

  return { form, outcome, setOutcome, submitWith };
}
