"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues } from "react-hook-form";
import type { z } from "zod";
import type { TApiError, TApiResult } from "@/lib/api/client";

/**
 * The three ways to start an instrument (new, import, copy): a form checked by the server's schema,
 * and what to do with the server's answer: open the new draft in the editor, or show why it failed
 * (`describe` may add the error's details to the message).
 */
export function useStartInstrument<TIn extends FieldValues, TOut extends FieldValues = TIn>(schema: z.ZodType<TOut, TIn>, defaultValues: DefaultValues<TIn>) {
  const t = useTranslations("instruments");
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<TIn, unknown, TOut>({ resolver: zodResolver(schema), defaultValues });

  const finish = (result: TApiResult<{ versionId: string }>, describe: (message: string, error: TApiError) => string = (m) => m) => {
    if (!result.ok) {
      setFailure(describe(result.error.message ?? t("failed"), result.error));
      return;
    }
    router.push(`/coordinator/instruments/${result.data.versionId}/edit`);
  };

  return { form, failure, setFailure, finish };
}
