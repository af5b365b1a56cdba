import { defineElement } from '../shared/define.js';
import { BarometreQuestionnaire } from './barometre-questionnaire.js';

defineElement('barometre-questionnaire', BarometreQuestionnaire);

export { BarometreQuestionnaire };
export type {
  BarometreAttestationExpiredDetail,
  BarometreDraftSavedDetail,
  BarometreErrorDetail,
  BarometreQuestionnaireEventMap,
  BarometreStepDetail,
  BarometreSubmittedDetail,
  StepKind,
  SubmissionStatus,
} from './events.js';
