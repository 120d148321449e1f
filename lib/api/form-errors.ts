import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";
import type { TApiError } from "@/lib/api/client";

/**
 * Puts a failed request's field details (`{ path, message }` from the server's zod check) onto the
 * form's fields. `fields` limits it to the paths the form shows (others would be invisible);
 * `translate` turns the server's message into the form's own wording. Returns how many it set.
 */
export function applyFieldErrors<V extends FieldValues>(
  error: TApiError,
  setError: UseFormSetError<V>,
  options: { fields?: ReadonlyArray<string>; translate?: (message: string) => string } = {},
): number {
  let set = 0;
  for (const detail of error.fields) {
    if (options.fields && !options.fields.some((f) => detail.path === f || detail.path.startsWith(`${f}.`))) continue;
    setError(detail.path as FieldPath<V>, { type: "server", message: options.translate ? options.translate(detail.message) : detail.message });
    set++;
  }
  return set;
}
