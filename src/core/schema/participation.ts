import * as z from 'zod/mini';
import { CollectiviteKind } from './collectivite.js';
import { EditionId } from './edition.js';
import { ThemeId } from './questionnaire.js';
import { PublicationRef, SeriesTerritory } from './results.js';
import { LocalizedText } from './text.js';

/**
 * The answer of `GET {api}/participation?territoire=…&edition=…` (or `?niveau=departement|region`
 * for every territory of a level, as a map reads it): how many collectivités of each kind answered
 * each theme, out of how many the territory holds.
 *
 * Respondents are counted as the publication counted them (a contribution still waiting for the
 * next publication is not here yet); the collectivités a territory holds come from the territory
 * referential, by the same rules as the results (a commune in its EPCI, département, région and
 * France; an EPCI where its seat is; a council in its own territory and those above). Counts of
 * respondents are not secret: nothing here is crossed with an answer.
 */

const Count = z.number().check(z.int(), z.gte(0));

export { EDITION_ID, EditionId } from './edition.js';

/**
 * One kind of collectivité in one territory and theme. `total` is `null` for a kind the
 * referential does not list (groupings of collectivités): its respondents are counted, but no
 * share can be given. A kind the territory holds none of is left out, never written as 0 of 0.
 */
export const ParticipationKind = z
  .strictObject({
    kind: CollectiviteKind,
    respondents: Count,
    total: z.nullable(z.number().check(z.int(), z.gte(1))),
  })
  .check(
    z.refine((entry) => entry.total === null || entry.respondents <= entry.total, {
      message: 'respondents cannot outnumber the collectivités of the territory',
      path: ['respondents'],
    }),
  );
export type ParticipationKind = z.infer<typeof ParticipationKind>;

/** One theme in one territory, its kinds in a fixed order (communes first). */
export const ParticipationTheme = z.strictObject({
  theme: ThemeId,
  title: LocalizedText,
  kinds: z.array(ParticipationKind),
});
export type ParticipationTheme = z.infer<typeof ParticipationTheme>;

/** One territory and its nine themes. */
export const ParticipationTerritory = z.strictObject({
  territory: SeriesTerritory,
  themes: z.array(ParticipationTheme),
});
export type ParticipationTerritory = z.infer<typeof ParticipationTerritory>;

/** The whole response. */
export const ParticipationResponse = z.strictObject({
  /** The edition counted. */
  edition: EditionId,
  publication: PublicationRef,
  /** Present when every territory of a level was asked for. */
  niveau: z.optional(z.enum(['departement', 'region'])),
  territories: z.array(ParticipationTerritory),
});
export type ParticipationResponse = z.infer<typeof ParticipationResponse>;
