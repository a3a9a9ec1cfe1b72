export type CsvCell = string | number | null | undefined;

/**
 * RFC 4180 text, every field quoted. A field a spreadsheet would run as a formula (starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return) gets a leading apostrophe, unless it is a plain number.
 */
export function toCsv(rows: CsvCell[][]): string {
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

function field(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '""';
  let text = String(cell);
  if (typeof cell !== 'number' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** Saves CSV text as a file (UTF-8 with a byte order mark, so spreadsheets read Chinese correctly). */
export function downloadCsv(filename: string, csv: string): void {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
