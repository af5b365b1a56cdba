import { validateContribution } from '../../core/questionnaire/index.js';
import type { QuestionnaireDefinition, ThemeId } from '../../core/schema/questionnaire.js';
import type { SeedMode } from '../config.js';
import type { ServerContext } from '../context.js';
import { placementOf } from '../referential/placement.js';
import type { ServerReferential } from '../referential/port.js';
import type { BulkRecord } from '../store/types.js';
import type { EditionCatalogue } from '../../core/editions/catalogue.js';
import { generateAnswers } from './answers.js';
import { calibratedProfiles } from './calibrate.js';
import { driftedProfiles, YEARLY_DRIFT } from './drift.js';
import { hashString, Prng } from './prng.js';
import { DEFAULT_POOL, samplePool, type PoolSize } from './sample.js';

/** The seed of the synthetic data set: change it and every figure changes. */
export const DEFAULT_SEED = 20231122;

/**
 * Share of the pool answering each theme: wave 1 was answered by nearly everyone (about 2,700
 * contributions each), later waves by far fewer (600 to 900).
 */
const PARTICIPATION: Readonly<Record<ThemeId, number>> = {
  inclusion: 0.91,
  cybersecurite: 0.92,
  communication: 0.9,
  infrastructures: 0.26,
  'outils-internes': 0.3,
  donnees: 0.22,
  dematerialisation: 0.27,
  'services-en-ligne': 0.24,
  strategie: 0.29,
};

/** When each wave opened (the Baromètre was launched on 22 November 2023); answers come over five months. */
const WAVE_OPENING: Readonly<Record<1 | 2 | 3, string>> = {
  1: '2023-11-22T08:00:00.000Z',
  2: '2024-05-15T07:00:00.000Z',
  3: '2024-11-18T08:00:00.000Z',
};
const WAVE_DAYS = 150;
const DAY = 86_400_000;

/** Agents answered three times in four; élus the rest. */
const AGENT_SHARE = 0.76;

/** A well-formed SIRET of the collectivité's head office: NIC `0001` and the check digit that makes the Luhn sum work. */
export function headOfficeSiret(siren: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = `${siren}0001${digit}`;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let d = candidate.charCodeAt(13 - i) - 48;
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error(`No SIRET check digit for ${siren}`);
}

/** 32 bytes standing for the digest of a token nobody has. */
function randomDigest(rng: Prng): Buffer {
  const bytes = Buffer.alloc(32);
  for (let i = 0; i < 32; i += 4) bytes.writeUInt32LE(Math.floor(rng.next() * 4294967296), i);
  return bytes;
}

/** One edition of the synthetic data set. */
export interface SyntheticEdition {
  id: string;
  /** Editions of the data set before this one: its respondents are that many years better equipped. */
  yearsAfterFirst: number;
  /** When a theme's wave took answers up to now, or `undefined` when it has not opened: contributions are dated inside. */
  window(theme: ThemeId): { from: number; to: number } | undefined;
}

/** Options of {@link syntheticRecords}. */
export interface SyntheticOptions {
  seed?: number;
  pool?: PoolSize;
  /**
   * The edition the records belong to. Without one, the records carry no edition (the store
   * gives them the current one) and are dated in the survey's first waves, as before editions.
   */
  edition?: SyntheticEdition;
}

/** Of the collectivités answering a theme in one edition, the share answering it again the next year. */
const ANSWERING_AGAIN = 0.85;

/**
 * The synthetic data set: real collectivités drawn from the referential, answers drawn from
 * profiles shaped after the published figures. Deterministic for a given seed, referential
 * and definitions. Every contribution passes the engine's strict validation (checked here:
 * a generator bug must fail loudly rather than seed invalid data).
 */
export function syntheticRecords(
  referential: ServerReferential,
  definitions: Readonly<Record<ThemeId, QuestionnaireDefinition>>,
  options: SyntheticOptions = {},
): BulkRecord[] {
  const seed = options.seed ?? DEFAULT_SEED;
  const rng = new Prng(seed);
  // Draws keyed by what they decide, not by their place in a stream: the same in every edition.
  const keyed = (label: string) => new Prng(hashString(`${seed}:${label}`));
  const pool = samplePool(referential.collectivites(), rng.fork('pool'), options.pool ?? DEFAULT_POOL);
  // Where each respondent sits and its SIRET do not depend on the theme: resolve them once.
  const respondents = pool.map((collectivite) => ({
    collectivite,
    siret: headOfficeSiret(collectivite.siren),
    placement: placementOf(collectivite, referential),
  }));
  const { edition } = options;
  const records: BulkRecord[] = [];
  for (const definition of Object.values(definitions)) {
    const theme = definition.theme;
    const participation = PARTICIPATION[theme] ?? 0.25;
    const window = edition ? edition.window(theme) : legacyWindow(definition.wave);
    if (window === undefined) continue;
    const themeRng = rng.fork(theme);
    const base = calibratedProfiles(definition);
    const profiles = edition && edition.yearsAfterFirst > 0 ? driftedProfiles(base, YEARLY_DRIFT[theme] * edition.yearsAfterFirst) : base;
    const answersAgain = edition ? editionParticipation(keyed, theme, edition, participation) : undefined;
    for (const { collectivite, siret, placement } of respondents) {
      if (answersAgain ? !answersAgain() : !themeRng.chance(participation)) continue;
      // In an edition, each collectivité draws its answers from a stream of its own: a year
      // later the same draws meet the drifted profiles, so most answers stay and some improve.
      const draws = edition ? keyed(`${theme}:${collectivite.siren}`) : themeRng;
      // Who answers first: an élu and an agent do not hold the same functions.
      const role = draws.chance(AGENT_SHARE) ? 'agent' : 'elu';
      const traits = { population: collectivite.population ?? 0, collectivite, role } as const;
      const answers = generateAnswers(definition, profiles, traits, draws);
      const problems = validateContribution(definition, answers, collectivite);
      if (problems.length > 0) {
        throw new Error(`Synthetic answers to ${theme} fail validation: ${JSON.stringify(problems.slice(0, 3))}`);
      }
      const dates = edition ? keyed(`${theme}:${edition.id}:${collectivite.siren}:dates`) : themeRng;
      const created = window.from + Math.floor(dates.next() * (window.to - 1000 - window.from));
      // One in ten was revised a few days later, never after the wave closed.
      const revised = dates.chance(0.1) ? created + dates.int(1, 30) * DAY : created;
      // Inside the wave: its end is excluded, and `window.to` may be the present instant.
      const updated = edition ? Math.min(revised, window.to - 1000) : revised;
      records.push({
        siret,
        siren: collectivite.siren,
        theme,
        ...(edition ? { edition: edition.id } : {}),
        version: definition.version,
        role,
        answers,
        placement,
        createdAt: new Date(created).toISOString(),
        updatedAt: new Date(updated).toISOString(),
        // Nobody holds the token of a synthetic contribution: only an administrator can replace it.
        editTokenHash: randomDigest(dates),
      });
    }
  }
  return records;
}

/** The first waves of the survey, before editions: five months from each opening. */
function legacyWindow(wave: 1 | 2 | 3): { from: number; to: number } {
  const from = Date.parse(WAVE_OPENING[wave]);
  return { from, to: from + WAVE_DAYS * DAY };
}

/**
 * Who answers a theme in an edition, respondent after respondent: the same draw decides the first
 * edition in every data set; in a later one, most of those who answered before answer again and a
 * few newcomers take the others' place, so that each edition has about the same number.
 */
function editionParticipation(
  keyed: (label: string) => Prng,
  theme: ThemeId,
  edition: SyntheticEdition,
  participation: number,
): () => boolean {
  const first = keyed(`${theme}:joins`);
  const later = keyed(`${theme}:${edition.id}:joins`);
  const newcomers = Math.min(1, (participation * (1 - ANSWERING_AGAIN)) / (1 - participation));
  return () => {
    const answeredFirst = first.chance(participation);
    if (edition.yearsAfterFirst === 0) return answeredFirst;
    return later.chance(answeredFirst ? ANSWERING_AGAIN : newcomers);
  };
}

/**
 * The synthetic data set over the last two editions that have started at `now` (2025 and 2026):
 * each dated inside its own waves, never after `now`; the later one a little better equipped.
 */
export function syntheticEditions(
  referential: ServerReferential,
  definitions: Readonly<Record<ThemeId, QuestionnaireDefinition>>,
  catalogue: EditionCatalogue,
  now: Date,
  options: Omit<SyntheticOptions, 'edition'> = {},
): BulkRecord[] {
  const ids = catalogue.ids();
  const started = ids.slice(0, ids.indexOf(catalogue.current(now).id) + 1).slice(-2);
  return started.flatMap((id, yearsAfterFirst) => {
    const definition = catalogue.byId(id)!;
    const window = (theme: ThemeId) => {
      const wave = catalogue.wave(definition, theme);
      const to = Math.min(wave.closesAt.getTime(), now.getTime());
      return to > wave.opensAt.getTime() ? { from: wave.opensAt.getTime(), to } : undefined;
    };
    return syntheticRecords(referential, definitions, { ...options, edition: { id, yearsAfterFirst, window } });
  });
}

/** Fills an empty database with the synthetic data set, unless seeding is off. Returns how many were inserted. */
export async function seedIfEmpty(context: ServerContext, mode: SeedMode): Promise<number> {
  if (mode === 'none' || (await context.store.count()) > 0) return 0;
  return context.store.bulkInsert(syntheticEditions(context.referential, context.definitions, context.editions, context.now()));
}
