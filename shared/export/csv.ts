import Papa from 'papaparse';
import { itemLabels, PRIORITY_COLUMNS } from './labels.ts';
import type { PriorityList } from './priorityList.ts';
import { FORMULA_START } from '../model/formulaCells.ts';

/** Excel reads a UTF-8 file as such (accents, emoji) only when it starts with this. */
export const UTF8_BOM = '\uFEFF';

/**
 * RFC 4180 CSV: comma, CRLF between records and after the last, quotes doubled, fields with
 * commas, quotes or line breaks quoted, formula-safe (FORMULA_START: such a cell gets a leading
 * apostrophe, and is quoted). Header names may repeat (Jira reads one `Labels` column per label).
 */
export function csvText(fields: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const data = rows.map((r) => [...r]);
  return `${Papa.unparse({ fields: [...fields], data }, { newline: '\r\n', escapeFormulae: FORMULA_START, quotes: false })}\r\n`;
}

/** The priority list as CSV (see csvText), UTF-8 with a BOM, a header row. */
export function priorityCsv(list: PriorityList): string {
  const rows = list.items.map((it) => {
    const row = itemLabels(it);
    return PRIORITY_COLUMNS.map((c) => row[c]);
  });
  return UTF8_BOM + csvText(PRIORITY_COLUMNS, rows);
}
