import type { ReactNode } from 'react';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';

/** One column: its header, and what a row shows in it. The first column heads each row. */
export interface DataColumn<R> {
  id: string;
  header: ReactNode;
  cell: (row: R) => ReactNode;
}

export interface DataTableProps<R> {
  caption: string;
  /** The caption for screen readers only, when a heading right above already names the table. */
  captionHidden?: boolean;
  columns: readonly DataColumn<R>[];
  rows: readonly R[];
  rowKey: (row: R, index: number) => string;
  /**
   * A wide table scrolls sideways: then its scroll box is a focusable, named region, so keyboard
   * users can scroll it (WCAG 2.1.1). Off for narrow tables, which need no tab stop.
   */
  focusable?: boolean;
}

/**
 * The data table of the app (NL Design System's table in a scroll box): a caption, column headers
 * with scope, the first cell of each row as its row header. One component for every list of
 * records or figures, so they read and behave the same.
 */
export function DataTable<R>({ caption, captionHidden = false, columns, rows, rowKey, focusable = false }: DataTableProps<R>) {
  const [head, ...rest] = columns;
  return (
    <div className="hoeder-table-scroll" {...(focusable ? { tabIndex: 0, role: 'region', 'aria-label': caption } : {})}>
      <Table>
        <TableCaption className={captionHidden ? 'hoeder-visually-hidden' : undefined}>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell key={c.id} scope="col">
                {c.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, i) => (
            <TableRow key={rowKey(row, i)}>
              {head && <TableHeaderCell scope="row">{head.cell(row)}</TableHeaderCell>}
              {rest.map((c) => (
                <TableCell key={c.id}>{c.cell(row)}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
