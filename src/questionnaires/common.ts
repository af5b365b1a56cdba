import type { AnswerOption, Question } from '../core/schema/questionnaire.js';
import { loc, option } from './builders.js';

/**
 * Pieces every questionnaire shares, written once so that each theme asks them the same way and
 * their figures can be set side by side.
 */

/** "Je ne sais pas": the code `nsp`, as yes/no questions have it, for what a respondent may not know. */
export function dontKnow(): AnswerOption {
  return option('nsp', 'Je ne sais pas', 'I don’t know');
}

/**
 * Who fills in the questionnaire, beyond agent or élu: a quarter of respondents are élus, and a
 * secrétaire de mairie, a DSI and an OPSN adviser answering on a commune's behalf do not know the
 * same things. Asked first in every theme, since different people may answer different themes.
 */
export function respondentFunction(): Question {
  return {
    id: 'fonction_repondant',
    kind: 'single',
    label: loc('Quelle est votre fonction ?', 'What is your role?'),
    help: loc(
      'Si vous répondez pour la collectivité sans en faire partie (par exemple comme agent d’un OPSN ou d’un centre de gestion), choisissez la dernière réponse.',
      'If you answer for the authority without belonging to it (for example as an agent of an OPSN or a management centre), choose the last answer.',
    ),
    options: [
      option('maire_president', 'Maire ou président(e)', 'Mayor or president'),
      option('adjoint_vice_president', 'Adjoint(e), vice-président(e) ou conseiller(ère) délégué(e)', 'Deputy mayor, vice-president or councillor with a portfolio'),
      option('dgs', 'Directeur(rice) général(e) des services', 'Chief executive (DGS)'),
      option('secretaire_mairie', 'Secrétaire de mairie', 'Town clerk (secrétaire de mairie)'),
      option('dsi', 'Responsable informatique ou DSI', 'IT manager or CIO'),
      option('autre_agent', 'Autre agent de la collectivité (chargé(e) de mission, communication…)', 'Another member of staff (project officer, communication…)'),
      option('pour_le_compte', 'Agent d’un OPSN ou d’une autre structure, répondant pour la collectivité', 'Agent of an OPSN or another body, answering on the authority’s behalf'),
    ],
  };
}

/** The élus' functions among those of {@link respondentFunction}. */
export const ELECTED_FUNCTIONS: readonly string[] = ['maire_president', 'adjoint_vice_president'];
