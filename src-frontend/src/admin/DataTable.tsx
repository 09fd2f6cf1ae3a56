import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Page } from '../api/types';
import { Empty, ErrorBox, Loading } from '../ui/ui';

/** A console query's states: loading, the problem, or what it loaded. */
export function Loaded<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorBox error={query.error} />;
  return <>{children(query.data)}</>;
}

/** A console list's states: loading, the problem, "nothing here", or its items. */
export function Listing<T>({ query, empty, children }: { query: UseQueryResult<Page<T>>; empty: ReactNode; children: (items: T[]) => ReactNode }) {
  return <Loaded query={query}>{(page) => (page.items.length === 0 ? <Empty>{empty}</Empty> : children(page.items))}</Loaded>;
}

export interface Column<T> {
  /** The column's heading; an action column's heading is read to screen readers only. */
  header: string;
  cell: (row: T) => ReactNode;
  /** Cells of this column are the row's name (bold) or its actions (right-aligned, heading hidden). */
  kind?: 'name' | 'actions';
}

/** The console's one table: a caption for screen readers, a heading row, a row per item. */
export function DataTable<T>({ caption, rows, columns, rowKey }: { caption: string; rows: T[]; columns: Column<T>[]; rowKey: (row: T) => string }) {
  return (
    <table className="w-full border-collapse bg-white text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-stone-300 text-left">
          {columns.map((c) => (
            <th key={c.header} className="p-2">
              {c.kind === 'actions' ? <span className="sr-only">{c.header}</span> : c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className="border-b border-stone-200">
            {columns.map((c) => (
              <td key={c.header} className={`p-2 ${c.kind === 'name' ? 'font-medium' : c.kind === 'actions' ? 'text-right' : ''}`}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
