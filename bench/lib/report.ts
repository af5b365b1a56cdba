/**
 * What each section of the benchmark hands back, and its one rendering: Markdown whose tables
 * are padded, so the same text reads well on a terminal and in bench/RESULTS.md.
 */

export interface Table {
  title?: string;
  headers: string[];
  rows: string[][];
  /** Columns aligned right (numbers); the others are aligned left. */
  numeric?: number[];
}

export interface Target {
  name: string;
  met: boolean;
  measured: string;
  /** For a target missed: what the measurement shows about why. */
  why?: string;
}

export interface Section {
  title: string;
  /** What was measured and how, in a few lines. */
  method: string[];
  tables: Table[];
  targets: Target[];
  notes: string[];
}

function width(text: string): number {
  return [...text].length;
}

export function renderTable(table: Table): string {
  const numeric = new Set(table.numeric ?? []);
  const widths = table.headers.map((header, column) =>
    Math.max(3, width(header), ...table.rows.map((row) => width(row[column] ?? ''))),
  );
  const cell = (text: string, column: number) => {
    const pad = ' '.repeat(widths[column]! - width(text));
    return numeric.has(column) ? pad + text : text + pad;
  };
  const line = (cells: string[]) => `| ${cells.map((text, column) => cell(text.replace(/\|/g, '\\|'), column)).join(' | ')} |`;
  const rule = `| ${widths.map((w, column) => (numeric.has(column) ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  const lines = [line(table.headers), rule, ...table.rows.map(line)];
  return (table.title ? `**${table.title}**\n\n` : '') + lines.join('\n');
}

export function renderTargets(targets: readonly Target[]): string {
  if (targets.length === 0) return '';
  const lines = targets.map((target) => {
    const mark = target.met ? '✓' : '✗';
    const why = !target.met && target.why ? `\n  - why: ${target.why}` : '';
    return `- ${mark} ${target.name}: ${target.measured}${why}`;
  });
  return `Targets:\n\n${lines.join('\n')}`;
}

export function renderSection(section: Section): string {
  const parts = [`## ${section.title}`];
  if (section.method.length > 0) parts.push(section.method.join('\n'));
  for (const table of section.tables) parts.push(renderTable(table));
  const targets = renderTargets(section.targets);
  if (targets) parts.push(targets);
  if (section.notes.length > 0) parts.push(section.notes.map((note) => `- ${note}`).join('\n'));
  return parts.join('\n\n');
}
