import type { ReactNode } from "react";

/**
 * A scrollable table with a header row of column names (`scope="col"`); the rows are the children.
 * A column given as `false` is left out, for columns only some readers see.
 */
export function DataTable({
  columns,
  caption,
  captionClassName = "muted",
  className,
  testId,
  children,
}: {
  columns: ReadonlyArray<string | false>;
  caption?: string;
  captionClassName?: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className={className} data-testid={testId}>
        {caption !== undefined && <caption className={captionClassName}>{caption}</caption>}
        <thead>
          <tr>
            {columns.filter((c): c is string => c !== false).map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
