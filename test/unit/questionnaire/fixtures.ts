// Small definitions written for the engine's tests: each exercises one or more rules
// (chains of conditions, "other, specify", exclusive options, bounds, optional questions).
import { QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';

const text = (fr: string, en: string) => ({ fr, en });
const option = (code: string, fr: string, en: string) => ({ code, label: text(fr, en) });

/**
 * Three sections:
 * - `profil`: `equipe` (yes/no) → `effectif` (0–500 agents, whole) if `oui` → `pilote` (single,
 *   with "other, specify") if `effectif >= 1`: a chain of three.
 * - `outils`: `outils` (multiple, `aucun` exclusive, "other, specify"), `formation` (optional
 *   yes/no) unless `aucun`, `commentaire` (optional text, 50 characters).
 * - `securite`: only `incident`, shown when there is a team and mail or video tools; the whole
 *   section disappears otherwise.
 */
export const survey: QuestionnaireDefinition = QuestionnaireDefinition.parse({
  theme: 'outils-internes',
  version: '1.0',
  title: text('Outils internes', 'Internal tools'),
  wave: 2,
  estimatedMinutes: 5,
  sections: [
    {
      id: 'profil',
      title: text('Profil', 'Profile'),
      questions: [
        { id: 'equipe', kind: 'yesno', label: text('Avez-vous une équipe numérique ?', 'Do you have a digital team?') },
        {
          id: 'effectif',
          kind: 'number',
          label: text('Combien d’agents ?', 'How many staff?'),
          min: 0,
          max: 500,
          integer: true,
          visibleIf: { question: 'equipe', equals: 'oui' },
        },
        {
          id: 'pilote',
          kind: 'single',
          label: text('Qui pilote ?', 'Who leads?'),
          options: [
            option('dsi', 'La DSI', 'The IT department'),
            option('dgs', 'La direction générale', 'General management'),
            option('autre', 'Autre service', 'Another department'),
          ],
          otherSpecify: true,
          visibleIf: { question: 'effectif', gte: 1 },
        },
      ],
    },
    {
      id: 'outils',
      title: text('Outils', 'Tools'),
      questions: [
        {
          id: 'outils',
          kind: 'multiple',
          label: text('Quels outils ?', 'Which tools?'),
          options: [
            option('messagerie', 'Messagerie', 'Email'),
            option('agenda', 'Agenda partagé', 'Shared calendar'),
            option('visio', 'Visioconférence', 'Video calls'),
            option('autre', 'Autre outil', 'Another tool'),
            option('aucun', 'Aucun de ces outils', 'None of these'),
          ],
          otherSpecify: true,
          exclusive: 'aucun',
        },
        {
          id: 'formation',
          kind: 'yesno',
          label: text('Les agents sont-ils formés ?', 'Are staff trained?'),
          required: false,
          visibleIf: { not: { question: 'outils', includes: 'aucun' } },
        },
        {
          id: 'commentaire',
          kind: 'text',
          label: text('Un commentaire ?', 'Any comment?'),
          required: false,
          maxLength: 50,
        },
      ],
    },
    {
      id: 'securite',
      title: text('Sécurité', 'Security'),
      questions: [
        {
          id: 'incident',
          kind: 'yesno',
          label: text('Un incident cette année ?', 'An incident this year?'),
          visibleIf: {
            all: [
              { question: 'equipe', equals: 'oui' },
              { question: 'outils', in: ['messagerie', 'visio'] },
            ],
          },
        },
      ],
    },
  ],
});

/** Answers that show every question of {@link survey} and answer each one correctly. */
export const completeSurveyAnswers = {
  equipe: 'oui',
  effectif: 12,
  pilote: 'autre',
  'pilote.autre': 'Le secrétariat de mairie',
  outils: ['messagerie', 'autre'],
  'outils.autre': 'Parapheur électronique',
  formation: 'non',
  commentaire: 'RAS',
  incident: 'non',
};

/**
 * Question ids that name properties every plain object inherits: the engine must read answers
 * as own properties only, or an empty answer set would look answered.
 */
export const inheritedNames: QuestionnaireDefinition = QuestionnaireDefinition.parse({
  theme: 'donnees',
  version: '1.0',
  title: text('Données', 'Data'),
  wave: 2,
  estimatedMinutes: 1,
  sections: [
    {
      id: 'valueof',
      title: text('Section', 'Section'),
      questions: [
        { id: 'constructor', kind: 'yesno', label: text('Question ?', 'Question?') },
        {
          id: 'tostring',
          kind: 'text',
          label: text('Texte ?', 'Text?'),
          maxLength: 10,
          visibleIf: { question: 'constructor', equals: 'oui' },
        },
        { id: 'hasownproperty', kind: 'number', label: text('Nombre ?', 'Number?'), required: false },
      ],
    },
  ],
});
