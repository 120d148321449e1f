import type { ComponentProps } from "react";

/**
 * A labelled input whose error, when there is one, stands under it and is tied to it
 * (`aria-invalid`, `aria-describedby` → `<id>-error`). Pass react-hook-form's `register(...)` as `input`.
 */
export function TextField({ id, label, error, input }: { id: string; label: string; error?: string | null; input: ComponentProps<"input"> }) {
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={Boolean(error)} aria-describedby={error ? errorId : undefined} {...input} />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
