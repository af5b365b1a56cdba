import { createCatalog } from '../i18n/index.js';
import { OTHER_CODE } from '../schema/codes.js';
import { type Question } from '../schema/questionnaire.js';
import type { Lang } from '../schema/text.js';
import type { Problem } from './problems.js';

// French typography puts a no-break space inside guillemets.
const catalog = createCatalog({
  fr: {
    required: 'Répondez à cette question.',
    required_choice: 'Choisissez une réponse.',
    required_multiple: 'Cochez au moins une réponse.',
    required_number: 'Indiquez un nombre.',
    required_text: 'Renseignez ce champ.',
    type: 'Cette réponse n’a pas la forme attendue : répondez de nouveau à la question.',
    type_number: 'Indiquez un nombre en chiffres, par exemple 12.',
    type_text: 'Saisissez votre réponse sous forme de texte.',
    unknown_code: 'Choisissez une réponse parmi celles proposées.',
    duplicate: 'Chaque réponse ne peut être cochée qu’une fois.',
    exclusive: 'Une des réponses cochées exclut les autres : gardez-la seule ou décochez-la.',
    exclusive_option: '«\u00a0{option}\u00a0» ne se combine pas avec d’autres réponses : décochez «\u00a0{option}\u00a0» ou les autres réponses.',
    range: 'Indiquez une valeur entre {min} et {max}.',
    min: 'Indiquez une valeur supérieure ou égale à {min}.',
    max: 'Indiquez une valeur inférieure ou égale à {max}.',
    integer: 'Indiquez un nombre entier, sans décimale.',
    too_long: 'Raccourcissez votre réponse à {max} caractères au plus (elle en compte {length}).',
    other_required: 'Précisez votre réponse «\u00a0{option}\u00a0».',
    other_unexpected: 'Une précision n’est acceptée que si «\u00a0{option}\u00a0» est choisi : choisissez-le ou effacez la précision.',
    other_label: 'Autre',
    unknown_question: 'Cette réponse ne correspond à aucune question de ce questionnaire : retirez-la.',
    hidden: 'Cette question ne s’applique pas d’après vos autres réponses : retirez cette réponse.',
  },
  en: {
    required: 'Answer this question.',
    required_choice: 'Choose an answer.',
    required_multiple: 'Tick at least one answer.',
    required_number: 'Enter a number.',
    required_text: 'Fill in this field.',
    type: 'This answer is not in the expected form: answer the question again.',
    type_number: 'Enter a number in figures, for example 12.',
    type_text: 'Type your answer as text.',
    unknown_code: 'Choose one of the answers offered.',
    duplicate: 'Each answer can be ticked only once.',
    exclusive: 'One of the ticked answers excludes the others: keep it alone or untick it.',
    exclusive_option: '“{option}” cannot be combined with other answers: untick “{option}” or the other answers.',
    range: 'Enter a value between {min} and {max}.',
    min: 'Enter a value of {min} or more.',
    max: 'Enter a value of {max} or less.',
    integer: 'Enter a whole number, without decimals.',
    too_long: 'Shorten your answer to {max} characters at most (it has {length}).',
    other_required: 'Specify your “{option}” answer.',
    other_unexpected: 'Details are only accepted when “{option}” is chosen: choose it or clear the details.',
    other_label: 'Other',
    unknown_question: 'This answer matches no question of this questionnaire: remove it.',
    hidden: 'This question does not apply given your other answers: remove this answer.',
  },
});

function optionLabel(question: Question | undefined, code: unknown, lang: Lang): string | undefined {
  if (!question || (question.kind !== 'single' && question.kind !== 'multiple')) return undefined;
  return question.options.find((option) => option.code === code)?.label[lang];
}

/**
 * A sentence telling a person what to do about a problem, in French or English. Passing the
 * question lets the sentence fit its kind ("Cochez au moins une réponse.") and name options by
 * their label; without it the sentence stays general but still usable.
 */
export function problemMessage(problem: Problem, lang: Lang, question?: Question): string {
  const params = problem.params ?? {};
  switch (problem.code) {
    case 'required':
      switch (question?.kind) {
        case 'yesno':
        case 'single':
          return catalog(lang, 'required_choice');
        case 'multiple':
          return catalog(lang, 'required_multiple');
        case 'number':
          return catalog(lang, 'required_number');
        case 'text':
          return catalog(lang, 'required_text');
        default:
          return catalog(lang, 'required');
      }
    case 'type':
      if (problem.other || question?.kind === 'text') return catalog(lang, 'type_text');
      if (question?.kind === 'number') return catalog(lang, 'type_number');
      return catalog(lang, 'type');
    case 'exclusive': {
      const option = optionLabel(question, params.code, lang);
      return option === undefined ? catalog(lang, 'exclusive') : catalog(lang, 'exclusive_option', { option });
    }
    case 'min':
    case 'max':
      if (params.min !== undefined && params.max !== undefined) return catalog(lang, 'range', params);
      return catalog(lang, problem.code, params);
    case 'other_required':
    case 'other_unexpected': {
      const option = optionLabel(question, OTHER_CODE, lang) ?? catalog(lang, 'other_label');
      return catalog(lang, problem.code, { option });
    }
    case 'unknown_code':
    case 'duplicate':
    case 'integer':
    case 'too_long':
    case 'unknown_question':
    case 'hidden':
      return catalog(lang, problem.code, params);
    default:
      // A code from a newer engine (e.g. in a stored server response) still gets a sentence.
      return catalog(lang, 'type');
  }
}
