// Data shared by the API client's tests.
import type { QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';

export const RENNES_SIRET = '21350238800019';

export const definition: QuestionnaireDefinition = {
  theme: 'cybersecurite',
  version: '1.0.0',
  title: { fr: 'Cybersécurité', en: 'Cybersecurity' },
  wave: 1,
  estimatedMinutes: 5,
  sections: [
    {
      id: 'incidents',
      title: { fr: 'Incidents', en: 'Incidents' },
      questions: [{ id: 'cyberattaque', kind: 'yesno', label: { fr: 'Attaque ?', en: 'Attack?' } }],
    },
  ],
};

export const rennes = {
  siren: '213502388',
  siret: RENNES_SIRET,
  name: 'Rennes',
  kind: 'commune',
  code: '35238',
  territoryId: 'commune:35238',
  departementCode: '35',
  regionCode: '53',
  population: 227830,
};

export const submission = { role: 'agent' as const, version: '1.0.0', answers: { cyberattaque: 'non' } };
