// A small questionnaire for the element's tests: every question kind, an "other, specify" text,
// an exclusive option, bounds, an optional question, and a question that appears on a condition.
import type { QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';

const text = (fr: string, en: string) => ({ fr, en });
const option = (code: string, fr: string, en: string) => ({ code, label: text(fr, en) });

export const testDefinition: QuestionnaireDefinition = {
  theme: 'inclusion',
  version: '0.9.0',
  title: text('Inclusion numérique (essai)', 'Digital inclusion (trial)'),
  wave: 1,
  estimatedMinutes: 3,
  sections: [
    {
      id: 'lieux',
      title: text('Lieux de médiation', 'Mediation places'),
      questions: [
        {
          id: 'lieu',
          kind: 'yesno',
          label: text('Avez-vous un lieu de médiation numérique ?', 'Do you have a digital mediation place?'),
          help: text('Un lieu où les habitants sont aidés dans leurs démarches en ligne.', 'A place where residents get help with online procedures.'),
        },
        {
          id: 'types_lieu',
          kind: 'multiple',
          visibleIf: { question: 'lieu', equals: 'oui' },
          label: text('Quels types de lieux ?', 'What kinds of places?'),
          options: [
            option('france_services', 'France services', 'France services'),
            option('mediatheque', 'Médiathèque', 'Media library'),
            option('autre', 'Autre lieu', 'Another place'),
            option('aucun_label', 'Aucun lieu labellisé', 'No labelled place'),
          ],
          otherSpecify: true,
          exclusive: 'aucun_label',
        },
        {
          id: 'pilotage',
          kind: 'single',
          label: text('Qui pilote l’inclusion numérique ?', 'Who leads digital inclusion?'),
          options: [
            option('commune', 'La commune', 'The municipality'),
            option('intercommunalite', 'L’intercommunalité', 'The inter-municipal body'),
            option('autre', 'Une autre structure', 'Another body'),
          ],
          otherSpecify: true,
        },
      ],
    },
    {
      id: 'moyens',
      title: text('Moyens', 'Resources'),
      questions: [
        {
          id: 'conseillers',
          kind: 'number',
          label: text('Combien de conseillers numériques ?', 'How many digital advisers?'),
          min: 0,
          max: 50,
          integer: true,
          unit: text('conseillers', 'advisers'),
        },
        {
          id: 'commentaire',
          kind: 'text',
          required: false,
          maxLength: 300,
          label: text('Un commentaire ?', 'Any comment?'),
        },
      ],
    },
  ],
};

/** The town hall of Rennes, as the API describes it. */
export const RENNES = {
  siren: '213502388',
  siret: '21350238800019',
  name: 'Rennes',
  kind: 'commune',
  code: '35238',
  territoryId: 'commune:35238',
  departementCode: '35',
  regionCode: '53',
  population: 227830,
};

/** The town hall of Nantes. */
export const NANTES = {
  siren: '214401093',
  siret: '21440109300015',
  name: 'Nantes',
  kind: 'commune',
  code: '44109',
  territoryId: 'commune:44109',
  departementCode: '44',
  regionCode: '52',
  population: 325070,
};
