/**
 * Against formula injection: a spreadsheet runs a cell beginning with = + - @ (or a tab or carriage
 * return before one), so such a cell is prefixed with an apostrophe and read as text. Every CSV the
 * app writes (data exports, aggregate tables, quotes) passes its text cells through this.
 */
export function guardCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
