import { EditionCatalogue } from '../../core/editions/catalogue.js';
import { EditionList, type EditionDefinition } from '../../core/schema/edition.js';
import type { QuestionnaireDefinition, ThemeId } from '../../core/schema/questionnaire.js';
import { editions as builtInEditions } from '../../questionnaires/editions.js';
import { themeTitles } from '../../questionnaires/theme-titles.js';

/** The editions shipped with the release, checked by their schema. */
export const BUILT_IN_EDITIONS: readonly EditionDefinition[] = EditionList.parse(builtInEditions);

/** Each theme's wave, as the questionnaires say. */
function wavesOf(definitions?: Readonly<Record<ThemeId, QuestionnaireDefinition>>): Record<ThemeId, 1 | 2 | 3> {
  return Object.fromEntries(
    Object.entries(themeTitles).map(([theme, title]) => [theme, definitions?.[theme as ThemeId]?.wave ?? title.wave]),
  ) as Record<ThemeId, 1 | 2 | 3>;
}

/** The catalogue of these editions (the built-in ones by default). */
export function editionCatalogue(
  editions: readonly EditionDefinition[] = BUILT_IN_EDITIONS,
  definitions?: Readonly<Record<ThemeId, QuestionnaireDefinition>>,
): EditionCatalogue {
  return new EditionCatalogue(editions, wavesOf(definitions));
}
