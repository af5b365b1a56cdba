import type { Message } from '../../core/i18n/catalog.js';
import type { MessageKey } from './messages.js';

/** The English sentences of `<barometre-questionnaire>`, downloaded only for an English page (see `messages.ts`). */
export const en = {
  loading: 'Loading the questionnaire…',
  unavailable: 'The questionnaire could not be loaded.',
  unknown_theme: 'There is no questionnaire called “{theme}”.',
  invalid_definition: 'The questionnaire received is not valid.',
  retry: 'Try again',
  estimated: (p) => `About ${p.minutes} minute${Number(p.minutes) > 1 ? 's' : ''}.`,
  step_of: 'Step {index} of {total}',
  answered_of: (p) => `Questions answered: ${p.answered} of ${p.total}`,
  previous: 'Previous',
  next: 'Next',
  to_review: 'Check my answers',
  submit: 'Send my answers',
  optional: '(optional)',
  error_prefix: 'Error:',
  summary_title: (p) => (Number(p.count) > 1 ? `There are ${p.count} problems to fix` : 'There is 1 problem to fix'),
  summary_item: '{label}: {message}',

  identification_title: 'Your local authority',
  identification_intro:
    'Only one contribution is kept per local authority and theme: agree with your colleagues before answering.',
  siret_label: 'SIRET number of your local authority',
  siret_help:
    '14 digits, those of the authority itself (town hall, head office of the inter-municipal body, département or region). It appears on the Sirene registration notice and on invoices.',
  siret_looking_up: 'Looking up the local authority…',
  siret_unknown:
    'This SIRET is well formed but matches no local authority known to the Baromètre. Check that it is the SIRET of the authority itself.',
  siret_offline:
    'This SIRET cannot be checked right now. You can go on: it will be checked when your answers are sent.',
  origin_refused:
    'The Baromètre service does not accept exchanges with this site yet: this is not a connection problem. You can go on; your answers are kept on this device and will be sent once this site is allowed. Please tell the site’s administrator.',
  found_title: 'Local authority found',
  found_hint: 'Not your local authority? Correct the SIRET number.',
  field_name: 'Name',
  field_kind: 'Kind',
  field_departement: 'Département',
  field_region: 'Region',
  field_population: 'Population',
  population: (p) => `${p.n} inhabitant${Number(p.raw) === 1 ? '' : 's'}`,
  role_legend: 'You are answering as',
  role_agent: 'A member of staff',
  role_elu: 'An elected official',
  role_required: 'Say whether you are answering as a member of staff or as an elected official.',
  existing: 'Your local authority has already answered this questionnaire.',
  existing_dated: 'Your local authority has already answered this questionnaire (last updated on {date}).',
  existing_how: 'To change that answer, enter the edit code received when it was first sent.',
  edit_code_label: 'Edit code',
  without_code:
    'Without this code, your answer will be sent to the Baromètre team for review: it will not replace the existing answer.',
  with_code: 'With this code, your answer will replace the existing one.',

  other_label: 'Specify your “{option}” answer',
  char_count: (p) => `${p.count} character${Number(p.raw) === 1 ? '' : 's'} of ${p.max}`,
  char_over: (p) => `${p.over} character${Number(p.raw) === 1 ? '' : 's'} too many`,
  yes: 'Yes',
  no: 'No',
  dont_know: 'I don’t know',
  exclusive_alone: 'The answer “{option}” excludes the others: they have been unticked.',
  exclusive_dropped: 'The answer “{option}” has been unticked: it cannot be combined with other answers.',

  review_title: 'Check your answers',
  review_intro: 'Read your answers again before sending them: you can still change them.',
  review_identity: 'Your local authority',
  review_siret: 'SIRET',
  review_role: 'You are answering as',
  no_answer: 'No answer',
  edit: 'Change',
  edit_hidden: 'the answer to “{label}”',

  draft_saved: 'Draft saved at {time}',
  draft_restored: 'Draft of {date} restored',
  draft_unavailable: 'Draft not saved: this browser refuses local storage.',
  start_again: 'Start again',
  start_again_question: 'Clear all your answers and start again?',
  start_again_detail: 'The draft saved on this device will be deleted.',
  start_again_confirm: 'Yes, clear everything',
  cancel: 'Cancel',
  started_again: 'Answers cleared: you can start again.',

  sending: 'Sending your contribution…',
  waiting_status: 'Contribution waiting to be sent: it will go as soon as possible.',
  submit_refused: 'Your contribution was not accepted.',
  invalid_answers: 'Some answers were not accepted. Correct them, then send again.',
  no_api: 'No service address is configured for this questionnaire: your answers cannot be sent.',

  sent_status: 'Contribution sent.',
} satisfies Record<MessageKey, Message>;
