/**
 * One CSV cell: quoted when it holds a quote, comma or line break; text a spreadsheet would run as a formula (a
 * leading `=`, `+`, `-`, `@`, tab or carriage return) is defused with a leading `'`.
 */
export function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
