/**
 * CSV for spreadsheets as French users open them. Excel in a French locale splits columns on
 * `;` (the comma is the decimal mark there) and reads a file as UTF-8 only when it starts with a
 * byte order mark; without it, accented names turn into mojibake. Lines end with CRLF as RFC 4180
 * asks. English files use the same separator so one file layout serves both languages.
 */

/** The column separator. */
export const CSV_SEPARATOR = ';';

/** The byte order mark that makes spreadsheets read the file as UTF-8. */
export const CSV_BOM = '\uFEFF';

/** A spreadsheet evaluates a cell starting with one of these as a formula ("CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as written in the file: neutralised against formulas, then quoted when it must be. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  // A leading apostrophe makes spreadsheets show the text as typed instead of running it.
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (/[";\r\n]/.test(text)) text = `"${text.replaceAll('"', '""')}"`;
  return text;
}

/** The whole file: BOM, then one line per row, cells joined by the separator. */
export function buildCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(CSV_SEPARATOR)).join('\r\n') + '\r\n';
}
