"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type DefaultValues, type FieldValues } from "react-hook-form";
import type { z } from "zod";
import type { TApiError, TApiResult } from "@/lib/api/client";
import { useOutcome } from "./use-outcome";

type TSubmitOptions<TOut, TData> = {
  /** The success message to show; runs after the call succeeded (reset the form here). */
  onSuccess: (data: TData, values: TOut) => string;
  /** Runs when the call failed, before the server's message is shown (e.g. to mark fields). */
  onError?: (error: TApiError) => void;
};

/**
 * A react-hook-form form checked by the server's own zod schema, whose submission calls the API
 * (lib/api/client.ts): the outcome, a success message or the server's error, is kept for an
 * <OutcomeAlert> (with useOutcome's `report` for the component's other calls), and the page's server
 * data is refreshed after a success.
 */
export function useApiForm<TIn extends FieldValues, TOut extends FieldValues = TIn>(schema: z.ZodType<TOut, TIn>, defaultValues?: DefaultValues<TIn>) {
  const outcome = useOutcome();
  const form = useForm<TIn, unknown, TOut>({ resolver: zodResolver(schema), defaultValues });

  const submitWith = <TData>(send: (values: TOut) => Promise<TApiResult<TData>>, options: TSubmitOptions<TOut, TData>) =>
    form.handleSubmit(async (values) => {
      outcome.succeed(null);
      const result = await send(values);
      if (!result.ok) {
        options.onError?.(result.error);
        outcome.fail(result.error);
        return;
      }
      outcome.succeed(options.onSuccess(result.data, values));
      outcome.refresh();
    });

  return { ...outcome, form, submitWith };
}
