import type { ComponentProps } from "react";

/** A labelled select of the given options. Pass react-hook-form's `register(...)` as `select`. */
export function SelectField({
  id,
  label,
  options,
  select,
}: {
  id: string;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  select: ComponentProps<"select">;
}) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
