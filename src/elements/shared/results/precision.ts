import { compareShares, isFragile, marginPoints, type Comparison } from '../../../core/stats/margin.js';
import type { ShareColumn, ShareTable, ShareValue } from './share-table.js';

/**
 * How far a shown figure can be trusted: its margin of error, whether it is fragile, and how it
 * compares with the chosen territory's figure for the same answer. The rules are those of
 * `core/stats/margin.ts`; this module only applies them to the cells of a table.
 */
export interface CellPrecision {
  /** Margin of error in percentage points, or null when no interval is published (`base="toutes"`). */
  margin: number | null;
  fragile: boolean;
  /**
   * Against the chosen territory's figure for the same answer: set only for the other series,
   * and only when both figures carry an interval (without one, nothing can be claimed either way).
   */
  versusTerritory?: Comparison;
}

/** The series of the chosen territory, when it is published: the one every other series is compared with. */
export function territoryColumn(table: Pick<ShareTable, 'columns'>): ShareColumn | undefined {
  return table.columns.find((column) => column.role === 'territoire' && column.status === 'publie');
}

/** The precision of one cell, or `undefined` when the cell holds no published figure. */
export function cellPrecision(table: Pick<ShareTable, 'columns'>, column: ShareColumn, rowIndex: number): CellPrecision | undefined {
  const cell = column.cells[rowIndex];
  if (cell?.kind !== 'value') return undefined;
  const precision: CellPrecision = {
    margin: marginPoints(cell.share, cell.ci),
    fragile: isFragile(column.n, cell.share, cell.ci),
  };
  const reference = territoryColumn(table);
  const other = reference?.cells[rowIndex];
  if (reference && reference !== column && other?.kind === 'value' && hasInterval(cell) && hasInterval(other)) {
    precision.versusTerritory = compareShares(cell, other);
  }
  return precision;
}

function hasInterval(cell: ShareValue): boolean {
  return cell.ci !== null;
}

/** Whether any shown figure of the table is fragile: the table then explains the mark. */
export function hasFragile(table: Pick<ShareTable, 'columns'>): boolean {
  return table.columns.some((column) => column.cells.some((_, index) => cellPrecision(table, column, index)?.fragile === true));
}

/** Whether any shown figure of the table has a margin of error: the table then says what it means. */
export function hasMargin(table: Pick<ShareTable, 'columns'>): boolean {
  return table.columns.some((column) => column.cells.some((_, index) => (cellPrecision(table, column, index)?.margin ?? null) !== null));
}
