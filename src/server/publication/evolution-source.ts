import type { EditionCatalogue } from '../../core/editions/catalogue.js';
import type { QuestionnaireDefinition, ThemeId } from '../../core/schema/questionnaire.js';
import { definitionOfVersion } from '../editions/questionnaire-versions.js';
import type { PublicationFigures } from './figures.js';
import type { Publisher } from './publisher.js';

/**
 * Where the evolution route finds each edition's published figures. It reads nothing else: no
 * contribution, no tally, only publications already protected and audited.
 */

export interface EvolutionSource {
  /** The survey's editions, oldest first. */
  editions(): readonly string[];
  /** The questionnaire `edition` asks for `theme`, or `undefined` when this server does not hold it. */
  definition(theme: ThemeId, edition: string): QuestionnaireDefinition | undefined;
  /** The latest published figures of `edition` holding `theme`, or `undefined` when there are none. */
  published(theme: ThemeId, edition: string): Promise<PublicationFigures | undefined>;
}

/** What the catalogue source reads: the server's editions, clock, publications and questionnaires. */
export interface CatalogueSourceContext {
  editions: EditionCatalogue;
  now: () => Date;
  publisher: Pick<Publisher, 'latest'>;
  definitions: Readonly<Record<ThemeId, QuestionnaireDefinition>>;
  earlierDefinitions: readonly QuestionnaireDefinition[];
}

/**
 * The editions of the catalogue up to the current one (an edition that has not started has
 * nothing to show yet), each read from its latest publication. An edition's figures are compared
 * on the questionnaire version it names — the one served, or an earlier one the release keeps —
 * and an edition whose version this server does not hold is never joined on a questionnaire it
 * did not use: its series break there.
 */
export function catalogueSource(context: CatalogueSourceContext): EvolutionSource {
  const { editions, now, publisher } = context;
  return {
    editions: () => {
      const ids = editions.ids();
      return ids.slice(0, ids.indexOf(editions.current(now()).id) + 1);
    },
    definition: (theme, edition) => {
      const named = editions.byId(edition)?.versions[theme];
      return named === undefined ? undefined : definitionOfVersion(context, theme, named);
    },
    published: async (theme, edition) => {
      const publication = await publisher.latest(edition);
      return publication?.themes[theme] === undefined ? undefined : publication;
    },
  };
}
