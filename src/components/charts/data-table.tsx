export interface DataTableProps {
  caption: string;
  columns: readonly string[];
  /** First cell of each row is its header (a name); the rest are values, already formatted. */
  rows: ReadonlyArray<readonly [string, ...(string | number)[]]>;
}

/** A plain, semantic table: the text alternative of a chart. */
export function DataTable({ caption, columns, rows }: DataTableProps) {
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([head, ...cells]) => (
          <tr key={head}>
            <th scope="row">{head}</th>
            {cells.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
              <td key={i}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
