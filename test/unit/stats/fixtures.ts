// A small questionnaire and helpers for the statistics tests. Each question exercises one kind
// of aggregation: yes/no, a conditional multiple choice with "other, specify", a single choice,
// a number published in bins, a question shown on that number, and a number without bins and a
// free text that must never be published.
import { QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';

const text = (fr: string, en: string) => ({ fr, en });
const option = (code: string, fr: string, en: string) => ({ code, label: text(fr, en) });

/**
 * - `mediation` (yes/no): has a lieu de médiation numérique;
 * - `lieux` (multiple, "other, specify"): which ones, asked only if `mediation` is `oui`;
 * - `rssi` (single): in-house, shared or no RSSI;
 * - `agents` (number, optional, in bins `aucun` ≤ 0 < `un_ou_deux` ≤ 2 < `de_3_a_9` ≤ 9 < `au_moins_10`):
 *   agents in the digital team;
 * - `formes` (yes/no): are they trained, asked only if `agents` is above 0 (a bin boundary);
 * - `budget` (number, optional, no bins: never published);
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
        {
          id: 'agents',
          kind: 'number',
          required: false,
          label: text('Agents', 'Staff'),
          min: 0,
          integer: true,
          bins: [
            { code: 'aucun', label: text('Aucun', 'None'), max: 0 },
            { code: 'un_ou_deux', label: text('Un ou deux', 'One or two'), max: 2 },
            { code: 'de_3_a_9', label: text('De 3 à 9', '3 to 9'), max: 9 },
            { code: 'au_moins_10', label: text('10 ou plus', '10 or more') },
          ],
        },
        {
          id: 'formes',
          kind: 'yesno',
          label: text('Sont-ils formés ?', 'Are they trained?'),
          visibleIf: { question: 'agents', gt: 0 },
        },
        { id: 'budget', kind: 'number', required: false, label: text('Budget', 'Budget'), min: 0 },
        { id: 'remarques', kind: 'text', required: false, label: text('Remarques', 'Remarks'), maxLength: 500 },
      ],
    },
  ],
});

/** Whether a number is close enough to another for floating-point results. */
export function near(actual: number | null | undefined, expected: number, tolerance = 1e-9): boolean {
  return typeof actual === 'number' && Math.abs(actual - expected) <= tolerance;
}
