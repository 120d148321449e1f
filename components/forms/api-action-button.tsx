"use client";

import type { TApiResult } from "@/lib/api/client";
import { FormAlert } from "./form-alert";
import { useApiAction } from "./use-api-action";

/** One button that (after an optional confirmation) calls the API and refreshes the page, with its failure above it. */
export function ApiActionButton({
  label,
  call,
  confirm,
  className,
}: {
  label: string;
  call: () => Promise<TApiResult<unknown>>;
  confirm?: string;
  className?: string;
}) {
  const action = useApiAction();
  return (
    <div className="stack">
      <FormAlert message={action.error} />
      <div>
        <button type="button" className={className} onClick={() => action.run(call, { confirm })} disabled={action.busy}>
          {label}
        </button>
      </div>
    </div>
  );
}
