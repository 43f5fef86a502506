/**
 * Writing a table to CSV and XLSX. The CSV is the table alone, its header row first (spreadsheets, scripts and the
 * app's own bulk import read it as it is); the description of how it was made (the active filters, the time, the
 * count) goes to the XLSX's second sheet. Both libraries load on first use only.
 */

export type Cell = string | number | Date | null;

export interface TableColumn {
  header: string;
  /** Character width in the spreadsheet. */
  width?: number;
  /** How XLSX formats the cells: dates as real dates (dd/mm/yyyy), percentages 0..100 as numbers. */
  type?: 'text' | 'number' | 'date';
}

export interface TableFile {
  /** The title of the XLSX description sheet. */
  title: string;
  /** Label → value lines: the filters, the export time, the row count… */
  meta: ReadonlyArray<readonly [string, string]>;
  columns: readonly TableColumn[];
  rows: ReadonlyArray<readonly Cell[]>;
  /** XLSX sheet names (31 characters at most). */
  sheetName: string;
  metaSheetName: string;
}

/** U+FEFF: spreadsheet programs read a CSV as UTF-8 (and show Vietnamese correctly) only when it starts with it. */
export const BOM = '\uFEFF';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * CSV text, BOM first, then the header row and the rows: nothing above the header (notes there make spreadsheets
 * and scripts misread the file). Dates as YYYY-MM-DD (unambiguous in every locale). Line ends CRLF (RFC 4180).
 */
export async function buildCsv(file: Pick<TableFile, 'columns' | 'rows'>): Promise<string> {
  const { default: Papa } = await import('papaparse');
  const cell = (c: Cell) => (c instanceof Date ? isoDate(c) : c === null ? '' : c);
  const table = [file.columns.map((c) => c.header), ...file.rows.map((r) => r.map(cell))];
  const text = Papa.unparse(table, { newline: '\r\n', quotes: false, escapeFormulae: true });
  return BOM + text;
}

/** An XLSX workbook: the table on the first sheet (bold frozen header, auto filter), the description on the second. */
export async function buildXlsx(file: TableFile): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = file.title;
  wb.created = new Date();
  const sheet = wb.addWorksheet(file.sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = file.columns.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: c.width ?? 16,
    style: c.type === 'date' ? { numFmt: 'dd/mm/yyyy' } : undefined,
  }));
  for (const row of file.rows) sheet.addRow([...row]);
  sheet.getRow(1).font = { bold: true };
  if (file.rows.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: file.columns.length } };
  }
  const meta = wb.addWorksheet(file.metaSheetName.slice(0, 31));
  meta.columns = [
    { header: file.title, key: 'k', width: 28 },
    { header: '', key: 'v', width: 90 },
  ];
  meta.getRow(1).font = { bold: true, size: 13 };
  for (const [k, v] of file.meta) meta.addRow([k, v]);
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv;charset=utf-8';
