import type { QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';
import type { QuestionResult } from '../../../src/core/schema/results.js';
import { codesOf, publishedQuestions } from '../../../src/core/stats/tally.js';
import type { ThemeFigures } from '../../../src/server/publication/figures.js';
import { defaultReferential } from '../../../src/server/referential/adapter.js';

/**
 * The subtractions an outsider tries first: a total minus its other parts, along the nestings
 * anyone can read off the map and the documentation — a région holds its départements, France
 * its régions plus the bodies counted nationally, France its kinds, a kind its population bands.
 * Written from the referential, not from the project's layout.
 */

export interface Nesting {
  parent: string;
  children: string[];
}

const BODIES = ['departement', 'region', 'csp'];

/** Every nesting among the series of a publication. */
export function nestingsOf(figures: ThemeFigures): Nesting[] {
  const keys = Object.keys(figures.series.brute);
  const referential = defaultReferential();
  const nestings: Nesting[] = [];
  const regions = referential.territoriesOfLevel('region').map((region) => region.id);
  for (const region of regions) {
    const children = referential
      .territoriesOfLevel('departement')
      .filter((departement) => departement.parentIds.includes(region))
      .map((departement) => departement.id);
    nestings.push({ parent: region, children });
  }
  nestings.push({ parent: 'france', children: [...regions, ...BODIES.map((kind) => `groupe:${kind}`)] });
  const kinds = keys.filter((key) => /^groupe:[^:]+$/.test(key));
  nestings.push({ parent: 'france', children: kinds });
  for (const kind of kinds) {
    const bands = keys.filter((key) => key.startsWith(`${kind}:`));
    if (bands.length > 0) nestings.push({ parent: kind, children: bands });
  }
  return nestings;
}

/** A question's count as published in a series: a number when readable (0 for "nobody"), else undefined. */
export function readCount(figures: ThemeFigures, series: string, question: string, code: string | undefined): number | undefined {
  const found = figures.series.brute[series];
  if (found === undefined) throw new Error(`No series ${series} in the publication`);
  if (found.status === 'aucune') return 0;
  if (found.status !== 'publie') return undefined;
  const result: QuestionResult | undefined = found.questions[question];
  if (result === undefined) throw new Error(`No question ${question} in ${series}`);
  if (result.status === 'aucune') return 0;
  if (result.status !== 'publie') return undefined;
  if (code === undefined) return result.n ?? undefined;
  const answer = result.answers?.[code];
  return answer?.status === 'publie' ? (answer.count ?? undefined) : undefined;
}

/** A figure worked out as a difference: which one, how, and what it gives. */
export interface Subtraction {
  target: string;
  question: string;
  code: string | undefined;
  formula: string;
  value: number;
}

/**
 * Every hidden figure (a count, or a question's number of respondents) that one nesting gives
 * away: a hidden child when the parent and every other child are readable, a hidden parent when
 * every child is.
 */
export function subtractions(figures: ThemeFigures, definition: QuestionnaireDefinition): Subtraction[] {
  const found: Subtraction[] = [];
  for (const question of publishedQuestions(definition)) {
    // Who answers a question everyone is asked is public (atoms are); a follow-up's respondents are not.
    const conditional = question.visibleIf !== undefined || question.required === false;
    for (const code of [...(conditional ? [undefined] : []), ...codesOf(question)]) {
      for (const { parent, children } of nestingsOf(figures)) {
        const read = (series: string) => readCount(figures, series, question.id, code);
        const total = read(parent);
        const parts = children.map(read);
        const hidden = parts.flatMap((value, i) => (value === undefined ? [children[i]!] : []));
        if (total !== undefined && hidden.length === 1) {
          const known = parts.reduce<number>((sum, value) => sum + (value ?? 0), 0);
          found.push({ target: hidden[0]!, question: question.id, code, formula: `${parent} − Σ other parts`, value: total - known });
        }
        if (total === undefined && hidden.length === 0) {
          found.push({ target: parent, question: question.id, code, formula: `Σ ${children.length} parts`, value: parts.reduce<number>((sum, value) => sum + value!, 0) });
        }
      }
    }
  }
  return found;
}
