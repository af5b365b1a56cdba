import { frenchSpacing } from '../../core/i18n/typography.js';
import type { QuestionnaireDefinition } from '../../core/schema/questionnaire.js';

/** What one walk made of a value: the same value when nothing in it needed setting. */
function walk(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(walk);
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(source)) {
    // A localised text is the one object with a French string: `{ fr, en }`.
    const next = key === 'fr' && typeof item === 'string' ? frenchSpacing(item) : walk(item);
    if (next !== item) {
      copy ??= { ...source };
      copy[key] = next;
    }
  }
  return copy ?? value;
}

const shown = new WeakMap<QuestionnaireDefinition, QuestionnaireDefinition>();

/**
 * The definition as the respondent reads it: every French text (titles, labels, help, options,
 * units, whatever new text a definition may carry) set with its no-break spaces, once per
 * definition, so that no « ? » ever wraps alone. The definition itself is left untouched (it is
 * the page's, or the bundle's); only what is shown is set. Codes, ids and conditions are not
 * texts and come through as they are.
 */
export function typesetDefinition(definition: QuestionnaireDefinition): QuestionnaireDefinition {
  let set = shown.get(definition);
  if (!set) {
    set = walk(definition) as QuestionnaireDefinition;
    shown.set(definition, set);
  }
  return set;
}
