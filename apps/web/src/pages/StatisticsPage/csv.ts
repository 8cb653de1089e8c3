/** RFC 4180 CSV: fields with a quote, separator or line break are quoted, quotes doubled. */
const field = (v: string) => (/[",;\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

/** A suppressed figure (null) is written as the statistical sign "x", as CBS does. */
export const figure = (n: number | null): string => (n === null ? 'x' : String(n));

export function downloadCsv(name: string, text: string): void {
  // A byte-order mark so spreadsheet programs read the UTF-8 (é, ë) correctly.
  const url = URL.createObjectURL(new Blob([`\uFEFF${text}`], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}
