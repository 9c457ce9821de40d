// Plain-text tables for people reading a terminal. JSON output (--json) is the stable interface for
// scripts; these tables may change their layout between versions.

export type TableColumn = { header: string; align?: 'left' | 'right' };

export function renderTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): string {
  const cells = rows.map((row) => columns.map((_, index) => oneLine(row[index] ?? '')));
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...cells.map((row) => (row[index] ?? '').length)),
  );
  const renderRow = (row: readonly string[]) =>
    columns
      .map((column, index) => {
        const cell = row[index] ?? '';
        const width = widths[index] ?? 0;
        return column.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const header = renderRow(columns.map((column) => column.header));
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [header, rule, ...cells.map(renderRow)].join('\n');
}

/** Table cells and error lines never span lines. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
