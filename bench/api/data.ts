import type { Collectivite } from '../../src/core/schema/collectivite.js';
import type { Role } from '../../src/core/schema/contribution.js';
import { THEMES, type ThemeId } from '../../src/core/schema/questionnaire.js';
import { definitions } from '../../src/questionnaires/all.js';
import { defaultReferential } from '../../src/server/referential/adapter.js';
import { placementOf } from '../../src/server/referential/placement.js';
import { generateAnswers } from '../../src/server/seed/answers.js';
import { calibratedProfiles } from '../../src/server/seed/calibrate.js';
import { Prng } from '../../src/server/seed/prng.js';
import { headOfficeSiret } from '../../src/server/seed/seed.js';
import type { BulkRecord, ContributionStore } from '../../src/server/store/types.js';

/**
 * The data of the API benchmark: contributions of communes loaded in bulk (every commune × every
 * theme at most, in a shuffled order so each step of the growth table is spread over France), and
 * fresh contributions written through the API by the other collectivités (EPCI, départements,
 * régions), which the bulk load never touches, so every write is a new contribution.
 */

const referential = defaultReferential();
const everyone = [...referential.collectivites()];
const communes = everyone.filter((c) => c.kind === 'commune');
const profiles = new Map(THEMES.map((theme) => [theme, calibratedProfiles(definitions[theme])]));

function shuffle<T>(items: T[], rng: Prng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export const COMMUNE_COUNT = communes.length;
/** Every commune answering every theme: the most the bulk load can hold. */
export const MAX_BULK = communes.length * THEMES.length;

/**
 * Answers as the seed draws them: for the collectivité's kind and size (which the questionnaires'
 * conditions read, and the server validates against) and for who answers (functions differ).
 */
function answersFor(theme: ThemeId, collectivite: Collectivite, role: Role, rng: Prng) {
  return generateAnswers(definitions[theme], profiles.get(theme)!, { population: collectivite.population ?? 0, collectivite, role }, rng);
}

/** Loads commune contributions into a store, in a fixed shuffled order, up to a total. */
export class BulkLoader {
  private readonly pairs: [number, number][];
  private readonly rng = new Prng(2025);
  loaded = 0;

  constructor() {
    const pairs: [number, number][] = [];
    for (let c = 0; c < communes.length; c++) for (let t = 0; t < THEMES.length; t++) pairs.push([c, t]);
    this.pairs = shuffle(pairs, new Prng(1122));
  }

  /** Inserts the next contributions until `total` are loaded; returns how many were inserted. */
  async loadUpTo(store: ContributionStore, total: number): Promise<number> {
    const target = Math.min(total, this.pairs.length);
    const at = '2025-01-15T10:00:00.000Z';
    const { pairs, rng } = this;
    const from = this.loaded;
    const records = (function* (): Generator<BulkRecord> {
      for (let i = from; i < target; i++) {
        const [c, t] = pairs[i]!;
        const commune = communes[c]!;
        const theme = THEMES[t]!;
        const role = rng.chance(0.76) ? 'agent' : 'elu';
        yield {
          siret: headOfficeSiret(commune.siren),
          siren: commune.siren,
          theme,
          version: definitions[theme].version,
          role,
          answers: answersFor(theme, commune, role, rng),
          placement: placementOf(commune, referential),
          createdAt: at,
          updatedAt: at,
          editTokenHash: Buffer.alloc(32, i % 251),
        };
      }
    })();
    // In slices, so a store that builds its statement from an array never holds 300,000 at once.
    let inserted = 0;
    for (;;) {
      const slice: BulkRecord[] = [];
      for (let next = records.next(); !next.done; next = records.next()) {
        slice.push(next.value);
        if (slice.length === 20_000) break;
      }
      if (slice.length === 0) break;
      inserted += await store.bulkInsert(slice);
    }
    this.loaded = target;
    return inserted;
  }
}

/** A contribution to send with `PUT /api/v1/contributions/:siret/:theme`. */
export interface Submission {
  theme: ThemeId;
  path: string;
  body: string;
}

/** Who sends the contributions written through the API (their answers are drawn for that role). */
const SUBMITTER_ROLE: Role = 'agent';

/** Contributions of collectivités that are not communes, each (collectivité, theme) once. */
export class Submissions {
  private readonly queues = new Map<ThemeId, Collectivite[]>();
  private readonly rng = new Prng(7);
  used = 0;

  constructor() {
    const others = everyone.filter((c) => c.kind !== 'commune');
    for (const [index, theme] of THEMES.entries()) this.queues.set(theme, shuffle([...others], new Prng(300 + index)));
  }

  remaining(theme?: ThemeId): number {
    if (theme) return this.queues.get(theme)!.length;
    return [...this.queues.values()].reduce((sum, queue) => sum + queue.length, 0);
  }

  /** The next contribution on `theme` (or on the theme with most left), undefined when none is left. */
  next(theme?: ThemeId): Submission | undefined {
    const chosen = theme ?? [...this.queues.entries()].sort((a, b) => b[1].length - a[1].length)[0]![0];
    const collectivite = this.queues.get(chosen)!.pop();
    if (!collectivite) return undefined;
    this.used += 1;
    return {
      theme: chosen,
      path: `/api/v1/contributions/${headOfficeSiret(collectivite.siren)}/${chosen}`,
      body: JSON.stringify({ role: SUBMITTER_ROLE, version: definitions[chosen].version, answers: answersFor(chosen, collectivite, SUBMITTER_ROLE, this.rng) }),
    };
  }
}

export interface ResultsQuery {
  theme: ThemeId;
  path: string;
}

/**
 * Results requests as readers make them: a commune, a département, a région or France, each
 * beside its département, région and France; raw or reweighted shares; every question of the theme.
 */
export function resultsQueries(count: number, seed: number): ResultsQuery[] {
  const rng = new Prng(seed);
  const departements = everyone.filter((c) => c.kind === 'departement').map((c) => c.territoryId);
  const regions = everyone.filter((c) => c.kind === 'region').map((c) => c.territoryId);
  const pick = <T>(items: readonly T[]) => items[rng.int(0, items.length - 1)]!;
  return Array.from({ length: count }, () => {
    const theme = pick(THEMES);
    const roll = rng.next();
    const territory =
      roll < 0.4 ? pick(communes).territoryId : roll < 0.7 ? pick(departements) : roll < 0.85 ? pick(regions) : 'france';
    const ponderation = rng.chance(0.25) ? 'redressee' : 'brute';
    return { theme, path: `/api/v1/resultats/${theme}?territoire=${territory}&comparer=departement,region,france&ponderation=${ponderation}` };
  });
}

/** What the mix holds, for the report. */
export const QUERY_MIX = '40 % communes, 30 % départements, 15 % régions, 15 % France; comparer=departement,region,france; 25 % reweighted; all questions of a random theme';
