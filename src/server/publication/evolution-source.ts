import type { QuestionnaireDefinition, ThemeId } from '../../core/schema/questionnaire.js';
import type { PublicationFigures } from './figures.js';
import type { Publisher } from './publisher.js';

/**
 * Where the evolution route finds each edition's published figures. It reads nothing else: no
 * contribution, no tally, only publications already protected and audited.
 */

/** One edition's published figures of a theme, with the questionnaire they were counted on. */
export interface EditionPublication {
  publication: PublicationFigures;
  definition: QuestionnaireDefinition;
}

export interface EvolutionSource {
  /** The survey's editions, oldest first. */
  editions(): readonly string[];
  /** The published figures of `theme` in `edition`, or `undefined` when that edition has none. */
  published(theme: ThemeId, edition: string): Promise<EditionPublication | undefined>;
}

/** The edition the data holds while it holds one, as the participation route names it. */
const SINGLE_EDITION = '2025';

/**
 * The survey as long as its data holds one edition: every publication belongs to it, and its
 * questionnaire is the one the server serves. A series is then one point long.
 */
export function singleEditionSource(publisher: Pick<Publisher, 'latest'>, definitions: Readonly<Record<ThemeId, QuestionnaireDefinition>>): EvolutionSource {
  return {
    editions: () => [SINGLE_EDITION],
    published: async (theme, edition) => {
      if (edition !== SINGLE_EDITION) return undefined;
      const publication = await publisher.latest();
      return publication?.themes[theme] === undefined ? undefined : { publication, definition: definitions[theme] };
    },
  };
}
