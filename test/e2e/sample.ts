import type { QuestionnaireDefinition, ThemeId } from '../../src/core/schema/questionnaire.js';
import { definitions } from '../../src/questionnaires/all.js';
import { defaultReferential } from '../../src/server/referential/adapter.js';
import { syntheticRecords } from '../../src/server/seed/seed.js';
import type { BulkRecord } from '../../src/server/store/types.js';
import type { RunningServer } from './harness.js';

/**
 * A small sample of contributions for the pages to show figures from: those of the synthetic data
 * set (real collectivités, answers drawn from the same profiles, the same every run) located in a
 * few départements — Gironde, where the prefecture page is, four others of Nouvelle-Aquitaine and
 * Ille-et-Vilaine, and the first few of Charente — sent through the API as respondents would send
 * them.
 *
 * A handful of départements, not the whole country: enough for Gironde, its région and France to
 * have published figures, small enough for a publication to take seconds. Charente has fewer
 * respondents than the threshold, and every other département none, so that maps show each state.
 */

/** Gironde, Dordogne, Landes, Lot-et-Garonne, Pyrénées-Atlantiques; Ille-et-Vilaine. */
export const SAMPLE_DEPARTEMENTS = ['33', '24', '40', '47', '64', '35'] as const;

/** Charente: this many contributions per theme, fewer than the threshold (5). */
export const SAMPLE_FEW = { departement: '16', count: 3 } as const;

/** The themes the demo pages chart. */
export const SAMPLE_THEMES: readonly ThemeId[] = ['cybersecurite', 'inclusion', 'communication'];

/** The sample's contributions, without sending them. */
export function sampleRecords(themes: readonly ThemeId[] = SAMPLE_THEMES): BulkRecord[] {
  // The data set goes through the definitions it is given: these themes only.
  const chosen = Object.fromEntries(themes.map((theme) => [theme, definitions[theme]])) as Record<ThemeId, QuestionnaireDefinition>;
  const where = new Set<string>(SAMPLE_DEPARTEMENTS);
  const few = new Map<string, number>();
  return syntheticRecords(defaultReferential(), chosen).filter((record) => {
    const code = record.placement.departementCode;
    if (code === SAMPLE_FEW.departement) {
      few.set(record.theme, (few.get(record.theme) ?? 0) + 1);
      return few.get(record.theme)! <= SAMPLE_FEW.count;
    }
    return code !== null && where.has(code);
  });
}

let keys = 0;

/** Sends one contribution as a first answer (201), with its own idempotency key. */
export async function contribute(
  server: RunningServer,
  contribution: Pick<BulkRecord, 'siret' | 'theme' | 'version' | 'role' | 'answers'>,
): Promise<void> {
  keys += 1;
  const response = await fetch(`${server.api}/contributions/${contribution.siret}/${contribution.theme}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-sample-${process.pid}-${keys}` },
    body: JSON.stringify({ role: contribution.role, version: contribution.version, answers: contribution.answers }),
  });
  if (response.status !== 201) {
    throw new Error(`${contribution.siret}/${contribution.theme} answered ${response.status}: ${await response.text()}`);
  }
}

/** Sends the sample's contributions (a few at a time) and returns them. They count once published. */
export async function sendSample(server: RunningServer, themes: readonly ThemeId[] = SAMPLE_THEMES): Promise<BulkRecord[]> {
  const records = sampleRecords(themes);
  let next = 0;
  const worker = async () => {
    while (next < records.length) await contribute(server, records[next++]!);
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return records;
}
