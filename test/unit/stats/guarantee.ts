// Checks of the confidentiality guarantee, written from its statement (not from the code):
// each returns the figures that would let someone compute a group of 1 to m − 1 respondents.
import type { QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';
import type { SeriesBody } from '../../../src/core/stats/index.js';

const small = (value: number, m: number) => value > 0 && value < m;

/** Leaks inside one series: small published counts or complements, recoverable hidden cells. */
export function leaksWithin(definition: QuestionnaireDefinition, series: SeriesBody, m: number): string[] {
  const leaks: string[] = [];
  if (series.suppressed) {
    if (Object.keys(series.questions).length > 0) leaks.push('suppressed series shows questions');
    return leaks;
  }
  if (series.n < m) leaks.push(`series n ${series.n}`);
  const exclusive = new Set(
    definition.sections.flatMap((s) => s.questions).filter((q) => q.kind === 'yesno' || q.kind === 'single').map((q) => q.id),
  );
  for (const [id, question] of Object.entries(series.questions)) {
    if (question.suppressed) continue;
    if (question.n < m) leaks.push(`${id}: n ${question.n}`);
    const answers = Object.entries(question.answers ?? {});
    for (const [code, answer] of answers) {
      if (answer.count === null) continue;
      if (small(answer.count, m)) leaks.push(`${id}.${code}: count ${answer.count}`);
      if (small(question.n - answer.count, m)) leaks.push(`${id}.${code}: complement ${question.n - answer.count}`);
    }
    if (exclusive.has(id)) {
      const hiddenCells = answers.filter(([, answer]) => answer.count === null).length;
      const hiddenTotal = question.n - answers.reduce((sum, [, answer]) => sum + (answer.count ?? 0), 0);
      if (hiddenCells === 1) leaks.push(`${id}: one hidden cell = ${hiddenTotal}`);
      if (hiddenCells > 1 && hiddenTotal < m) leaks.push(`${id}: hidden cells total ${hiddenTotal}`);
    }
  }
  return leaks;
}

/** Leaks by one subtraction between a child series and a series that contains it. */
export function leaksBetween(child: SeriesBody, parent: SeriesBody, m: number): string[] {
  const leaks: string[] = [];
  if (!child.suppressed && small(parent.n - child.n, m)) leaks.push(`series: ${parent.n} − ${child.n}`);
  for (const [id, question] of Object.entries(child.questions)) {
    const other = parent.questions[id];
    if (question.suppressed || other === undefined || other.suppressed) continue;
    const dn = other.n - question.n;
    if (small(dn, m)) leaks.push(`${id}: n ${other.n} − ${question.n}`);
    for (const [code, answer] of Object.entries(question.answers ?? {})) {
      const parentCount = other.answers?.[code]?.count ?? null;
      if (answer.count === null || parentCount === null) continue;
      const d = parentCount - answer.count;
      if (small(d, m)) leaks.push(`${id}.${code}: ${parentCount} − ${answer.count}`);
      if (small(dn - d, m)) leaks.push(`${id}.${code}: complement in the difference ${dn - d}`);
    }
  }
  return leaks;
}
