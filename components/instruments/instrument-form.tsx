"use client";

import type { FormEventHandler, ReactNode } from "react";
import { FormAlert } from "@/components/forms/form-alert";

/**
 * The frame the three ways to start an instrument (new, import, copy) share: an optional title,
 * the failure, the fields in two columns and the submit button.
 */
export function InstrumentForm({
  id,
  title,
  failure,
  onSubmit,
  submitLabel,
  submitDisabled,
  children,
}: {
  id: string;
  title?: string;
  failure: string | null;
  onSubmit: FormEventHandler<HTMLFormElement>;
  submitLabel: string;
  submitDisabled: boolean;
  children: ReactNode;
}) {
  const titleId = `${id}-title`;
  return (
    <form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby={title ? titleId : undefined}>
      {title && (
        <h3 id={titleId} style={{ margin: 0 }}>
          {title}
        </h3>
      )}
      <FormAlert message={failure} />
      <div className="grid-2">{children}</div>
      <div>
        <button type="submit" disabled={submitDisabled}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
