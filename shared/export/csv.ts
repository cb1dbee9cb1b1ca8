import Papa from 'papaparse';
import { itemLabels, PRIORITY_COLUMNS } from './labels.ts';
import type { PriorityList } from './priorityList.ts';
import { FORMULA_START } from '../model/formulaCells.ts';

/** Excel reads a UTF-8 file as such (accents, emoji) only when it starts with this. */
export const UTF8_BOM = '\uFEFF';

/**
 * The priority list as CSV (RFC 4180: comma, CRLF between records, quotes doubled, fields with
 * commas, quotes or line breaks quoted), UTF-8 with a BOM, a header row, formula-safe.
 */
export function priorityCsv(list: PriorityList): string {
  const data = list.items.map((it) => {
    const row = itemLabels(it);
    return PRIORITY_COLUMNS.map((c) => row[c]);
  });
  return (
    UTF8_BOM +
    Papa.unparse(
      { fields: [...PRIORITY_COLUMNS], data },
      { newline: '\r\n', escapeFormulae: FORMULA_START, quotes: false },
    ) +
    '\r\n'
  );
}
