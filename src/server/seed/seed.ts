import { validateContribution } from '../../core/questionnaire/index.js';
import type { QuestionnaireDefinition, ThemeId } from '../../core/schema/questionnaire.js';
import type { SeedMode } from '../config.js';
import type { ServerContext } from '../context.js';
import { placementOf } from '../referential/placement.js';
import type { ServerReferential } from '../referential/port.js';
import type { BulkRecord } from '../store/types.js';
import { generateAnswers } from './answers.js';
import { calibratedProfiles } from './calibrate.js';
import { Prng } from './prng.js';
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

/** Options of {@link syntheticRecords}. */
export interface SyntheticOptions {
  seed?: number;
  pool?: PoolSize;
}

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
  const rng = new Prng(options.seed ?? DEFAULT_SEED);
  const pool = samplePool(referential.collectivites(), rng.fork('pool'), options.pool ?? DEFAULT_POOL);
  // Where each respondent sits and its SIRET do not depend on the theme: resolve them once.
  const respondents = pool.map((collectivite) => ({
    collectivite,
    siret: headOfficeSiret(collectivite.siren),
    placement: placementOf(collectivite, referential),
  }));
  const records: BulkRecord[] = [];
  for (const definition of Object.values(definitions)) {
    const themeRng = rng.fork(definition.theme);
    const profiles = calibratedProfiles(definition);
    const participation = PARTICIPATION[definition.theme] ?? 0.25;
    const opening = Date.parse(WAVE_OPENING[definition.wave]);
    for (const { collectivite, siret, placement } of respondents) {
      if (!themeRng.chance(participation)) continue;
      // Who answers first: an élu and an agent do not hold the same functions.
      const role = themeRng.chance(AGENT_SHARE) ? 'agent' : 'elu';
      const traits = { population: collectivite.population ?? 0, collectivite, role } as const;
      const answers = generateAnswers(definition, profiles, traits, themeRng);
      const problems = validateContribution(definition, answers, collectivite);
      if (problems.length > 0) {
        throw new Error(`Synthetic answers to ${definition.theme} fail validation: ${JSON.stringify(problems.slice(0, 3))}`);
      }
      const created = opening + Math.floor(themeRng.next() * WAVE_DAYS * DAY);
      // One in ten was revised a few days later.
      const updated = themeRng.chance(0.1) ? created + themeRng.int(1, 30) * DAY : created;
      records.push({
        siret,
        siren: collectivite.siren,
        theme: definition.theme,
        version: definition.version,
        role,
        answers,
        placement,
        createdAt: new Date(created).toISOString(),
        updatedAt: new Date(updated).toISOString(),
        // Nobody holds the token of a synthetic contribution: only an administrator can replace it.
        editTokenHash: randomDigest(themeRng),
      });
    }
  }
  return records;
}

/** Fills an empty database with the synthetic data set, unless seeding is off. Returns how many were inserted. */
export async function seedIfEmpty(context: ServerContext, mode: SeedMode): Promise<number> {
  if (mode === 'none' || (await context.store.count()) > 0) return 0;
  return context.store.bulkInsert(syntheticRecords(context.referential, context.definitions));
}
