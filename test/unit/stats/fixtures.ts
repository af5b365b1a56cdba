// A small questionnaire and helpers for the statistics tests. Each question exercises one kind
// of aggregation: yes/no, a conditional multiple choice with "other, specify", a single choice,
// a number and a free text that must never be published.
import { QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';
import type { AnswerResult, QuestionResult } from '../../../src/core/schema/results.js';
import type { Respondent, SeriesBody } from '../../../src/core/stats/index.js';

const text = (fr: string, en: string) => ({ fr, en });
const option = (code: string, fr: string, en: string) => ({ code, label: text(fr, en) });

/**
 * - `mediation` (yes/no): has a lieu de médiation numérique;
 * - `lieux` (multiple, "other, specify"): which ones, asked only if `mediation` is `oui`;
 * - `rssi` (single): in-house, shared or no RSSI;
 * - `agents` (number, optional): agents in the digital team;
 * - `remarques` (text, optional).
 */
export const survey: QuestionnaireDefinition = QuestionnaireDefinition.parse({
  theme: 'inclusion',
  version: '1.0',
  title: text('Inclusion numérique', 'Digital inclusion'),
  wave: 1,
  estimatedMinutes: 5,
  sections: [
    {
      id: 'lieux_section',
      title: text('Lieux', 'Places'),
      questions: [
        { id: 'mediation', kind: 'yesno', label: text('Un lieu de médiation ?', 'A digital help place?') },
        {
          id: 'lieux',
          kind: 'multiple',
          label: text('Lesquels ?', 'Which ones?'),
          visibleIf: { question: 'mediation', equals: 'oui' },
          options: [
            option('france_services', 'France services', 'France services'),
            option('mediatheque', 'Médiathèque', 'Media library'),
            option('autre', 'Autre', 'Other'),
          ],
          otherSpecify: true,
        },
      ],
    },
    {
      id: 'organisation',
      title: text('Organisation', 'Organisation'),
      questions: [
        {
          id: 'rssi',
          kind: 'single',
          label: text('Avez-vous un RSSI ?', 'Do you have a CISO?'),
          options: [
            option('interne', 'Interne', 'In-house'),
            option('mutualise', 'Mutualisé', 'Shared'),
            option('aucun', 'Aucun', 'None'),
          ],
        },
        { id: 'agents', kind: 'number', required: false, label: text('Agents', 'Staff'), min: 0, integer: true },
        { id: 'remarques', kind: 'text', required: false, label: text('Remarques', 'Remarks'), maxLength: 500 },
      ],
    },
  ],
});

/** `count` respondents with the same answers (and stratum, weight when given). */
export function times(count: number, answers: Record<string, unknown>, extra: Omit<Respondent, 'answers'> = {}): Respondent[] {
  return Array.from({ length: count }, () => ({ answers: { ...answers }, ...extra }));
}

/** The answer cell of a code, failing the test when the question has none. */
export function cell(question: QuestionResult | undefined, code: string): AnswerResult {
  const answer = question?.answers?.[code];
  if (answer === undefined) throw new Error(`no cell ${code}`);
  return answer;
}

/** A published cell with the figures a test gives, for series written by hand. */
export function published(count: number, n: number, all: number): AnswerResult {
  return { count, share: count / n, shareOfAll: count / all, ci: null };
}

/** A question written by hand from its counts. */
export function question(n: number, counts: Record<string, number>, all = n): QuestionResult {
  const answers: Record<string, AnswerResult> = {};
  for (const [code, count] of Object.entries(counts)) answers[code] = published(count, n, all);
  return { n, suppressed: false, answers };
}

/** A series written by hand. */
export function series(n: number, questions: Record<string, QuestionResult>): SeriesBody {
  return { n, suppressed: false, questions };
}

/** Whether a number is close enough to another for floating-point results. */
export function near(actual: number | null | undefined, expected: number, tolerance = 1e-9): boolean {
  return typeof actual === 'number' && Math.abs(actual - expected) <= tolerance;
}
