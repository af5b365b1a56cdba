import { gunzipSync } from 'node:zlib';
import { COLLECTIVITE_KINDS, type CollectiviteKind } from '../../core/schema/collectivite.js';
import type { ParticipationResponse, ParticipationTerritory, ParticipationTheme } from '../../core/schema/participation.js';
import type { ThemeId } from '../../core/schema/questionnaire.js';
import type { Territory } from '../../core/territory/territory.js';
import { themeTitles } from '../../questionnaires/theme-titles.js';
import type { Ledger, PublicationFigures } from '../publication/figures.js';
import type { ServerReferential } from '../referential/port.js';
import type { ContributionStore } from '../store/types.js';
import type { EditionDefinition } from '../../core/schema/edition.js';
import { tallyParticipation, type ParticipationTally } from './tally.js';

/**
 * Participation read from a publication: the collectivités it counted, theme by theme, are those
 * of its ledger (what the next publication is computed against), so the counts are exactly the
 * publication's — a département's communes and EPCI add up to its results' `n` — and change only
 * when a new publication is out. The tally is made once per publication.
 */
export class ParticipationReader {
  #tally: { id: string; value: Promise<ParticipationTally> } | undefined;

  constructor(
    private readonly store: ContributionStore,
    private readonly referential: ServerReferential,
  ) {}

  /** The tally of a publication, made on its first request. */
  #tallyOf(publication: PublicationFigures): Promise<ParticipationTally> {
    if (this.#tally?.id !== publication.id) {
      const value = this.#load(publication.id);
      this.#tally = { id: publication.id, value };
      // A failed read is tried again on the next request rather than kept.
      value.catch(() => {
        if (this.#tally?.value === value) this.#tally = undefined;
      });
    }
    return this.#tally.value;
  }

  async #load(id: string): Promise<ParticipationTally> {
    const record = await this.store.publication(id);
    if (record === undefined) throw new Error(`Publication ${id} is not stored`);
    const ledger = JSON.parse(gunzipSync(record.ledger).toString('utf8')) as Ledger;
    const sirens = Object.fromEntries(Object.entries(ledger).map(([theme, counted]) => [theme, Object.keys(counted)]));
    return tallyParticipation(sirens, this.referential);
  }

  /** The response for some territories, each with every theme of the publication. */
  async read(
    publication: PublicationFigures,
    query: { edition: Pick<EditionDefinition, 'id'>; territories: readonly Territory[]; themes: readonly ThemeId[]; niveau?: 'departement' | 'region' },
  ): Promise<ParticipationResponse> {
    const tally = await this.#tallyOf(publication);
    const territories = query.territories.map((territory): ParticipationTerritory => {
      const totals = this.#totals(territory.id);
      const counted = tally.get(territory.id) ?? {};
      return {
        territory: { id: territory.id, name: territory.name, kind: territory.kind },
        themes: query.themes.map((theme): ParticipationTheme => {
          const respondents = counted[theme] ?? {};
          const kinds = COLLECTIVITE_KINDS.flatMap((kind) => {
            const total = totals[kind] ?? 0;
            const n = respondents[kind] ?? 0;
            if (total === 0 && n === 0) return [];
            return [{ kind, respondents: n, total: total === 0 ? null : total }];
          });
          return { theme, title: themeTitles[theme].title, kinds };
        }),
      };
    });
    return {
      edition: query.edition.id,
      publication: { id: publication.id, publishedAt: publication.publishedAt, edition: publication.edition },
      ...(query.niveau ? { niveau: query.niveau } : {}),
      territories,
    };
  }

  /** How many collectivités of each kind the territory holds, all population bands together. */
  #totals(id: Territory['id']): Partial<Record<CollectiviteKind, number>> {
    const totals: Partial<Record<CollectiviteKind, number>> = {};
    for (const [stratum, n] of Object.entries(this.referential.strataCounts(id))) {
      const kind = stratum.slice(0, stratum.indexOf('|')) as CollectiviteKind;
      totals[kind] = (totals[kind] ?? 0) + n;
    }
    return totals;
  }
}
