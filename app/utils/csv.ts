/** A spreadsheet cell: quoted, and never read as a formula by Excel or LibreOffice. */
export function csvCell(value: string | number | boolean | null | undefined) {
  let text = value == null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** A CSV file: UTF-8 with a byte-order mark (so spreadsheets show Arabic correctly), CRLF line ends. */
export function csvDocument(header: string[], rows: (string | number | boolean | null | undefined)[][]) {
  const lines = rows.map((row) => row.map(csvCell).join(','))
  return `\uFEFF${[header.map(csvCell).join(','), ...lines].join('\r\n')}\r\n`
}
