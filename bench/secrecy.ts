import { pathToFileURL } from 'node:url';
import type { QuestionnaireDefinition, ThemeId } from '../src/core/schema/questionnaire.js';
import { definitions } from '../src/questionnaires/all.js';
import { computePublication } from '../src/server/publication/build.js';
import type { PublicationFigures } from '../src/server/publication/figures.js';
import { defaultReferential } from '../src/server/referential/adapter.js';
import { syntheticRecords } from '../src/server/seed/seed.js';
import type { PublicationRow } from '../src/server/store/types.js';
import { renderSection, type Section, type Target } from './lib/report.js';

/**
 * Section 4: statistical secrecy on the seeded data set — the one `npm start` serves. The whole
 * publication is computed as the server computes it (every theme, audit included), then read as
 * a prefecture would: how many headline figures of départements are published, what the
 * `inclusion/lieu_mediation` map hatches, and whether the audit left anything recoverable.
 */

/** Headline figures of départements with at least k respondents that must be published. */
export const HEADLINE_TARGET = 0.95;

function rowsOf(theme: ThemeId, records: ReturnType<typeof syntheticRecords>): PublicationRow[] {
  return records
    .filter((record) => record.theme === theme)
    .map((record) => ({
      siren: record.siren,
      updatedAt: record.updatedAt,
      kind: record.placement.kind,
      band: record.placement.band,
      communeCode: record.placement.communeCode,
      epciCode: record.placement.epciCode,
      departementCode: record.placement.departementCode,
      regionCode: record.placement.regionCode,
      version: record.version,
      answers: record.answers,
    }));
}

/** Départements where the map of `inclusion/lieu_mediation` "oui" is hatched, and those among them with at least k answers. */
function lieuMediationHatches(figures: PublicationFigures, rows: readonly PublicationRow[]): { hatched: number; aboveK: number } {
  const answered = new Map<string, number>();
  for (const row of rows) {
    if (row.departementCode === null || row.answers.lieu_mediation === undefined) continue;
    answered.set(row.departementCode, (answered.get(row.departementCode) ?? 0) + 1);
  }
  let hatched = 0;
  let aboveK = 0;
  for (const [key, series] of Object.entries(figures.themes.inclusion!.series.brute)) {
    if (!key.startsWith('departement:')) continue;
    const question = series.questions.lieu_mediation;
    const shown = series.status === 'publie' && question?.status === 'publie' && question.answers?.oui?.status === 'publie';
    if (shown) continue;
    hatched += 1;
    if ((answered.get(key.slice('departement:'.length)) ?? 0) >= figures.minCell) aboveK += 1;
  }
  return { hatched, aboveK };
}

export async function measureSecrecy(log: (line: string) => void): Promise<Section> {
  const referential = defaultReferential();
  const records = syntheticRecords(referential, definitions);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const started = performance.now();
  const computed = await computePublication({
    id: 'bench',
    publishedAt: new Date().toISOString(),
    minCell: 5,
    referential,
    definitions: definitions as Readonly<Record<ThemeId, QuestionnaireDefinition>>,
    rows: async (theme) => rowsOf(theme, records),
    versionOf: async () => undefined,
    log,
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);

  const total = { eligible: 0, published: 0, whole: 0, attainable: 0, regions: 0, regionsEligible: 0 };
  const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)} %`);
  const rows = Object.entries(computed.figures.themes).map(([theme, figures]) => {
    const { report } = figures;
    const { eligible, published, whole, attainable, regions } = report.headline;
    total.eligible += eligible;
    total.published += published;
    total.whole += whole;
    total.attainable += attainable;
    total.regions += regions.published;
    total.regionsEligible += regions.eligible;
    return [
      theme,
      String(report.respondents),
      String(report.hiddenCells),
      String(report.rounds),
      `${published} / ${eligible}`,
      percent(published, eligible),
      percent(whole, eligible),
      percent(attainable, eligible),
      `${regions.published} / ${regions.eligible}`,
      `${(report.milliseconds / 1000).toFixed(1)} s`,
    ];
  });
  const { eligible, published } = total;
  const coverage = eligible === 0 ? 1 : published / eligible;
  const map = lieuMediationHatches(computed.figures, rowsOf('inclusion', records));
  const targets: Target[] = [
    { name: 'audit clean (no hidden count recoverable)', met: computed.unprotected.length === 0, measured: `${computed.unprotected.length} cells left` },
    {
      name: `headline figures published for ≥ ${HEADLINE_TARGET * 100} % of (département × headline question) pairs with at least k respondents`,
      met: coverage >= HEADLINE_TARGET,
      measured: `${(100 * coverage).toFixed(1)} % (${published} / ${eligible})`,
      why:
        `at most ${percent(total.attainable, eligible)} under the rules themselves (a sensitive count of 1 to k − 1 hides its département's figure); ` +
        `the rest are complements: where one département of a région is below k, its counts are the région's minus the others', so another figure of that answer must hide — a région's (${total.regions} of ${total.regionsEligible} région headline figures published) or, when that would cost more, a département's`,
    },
    {
      name: 'the inclusion/lieu_mediation map hatches only départements below k',
      met: map.aboveK === 0,
      measured: `${map.hatched} hatched, ${map.aboveK} of them with at least k answers`,
    },
    {
      name: 'publication of this sparse data set computed in under 60 s (313,866 contributions: section 3)',
      met: seconds < 60,
      measured: `${seconds.toFixed(1)} s, peak ${(peak / 1e6).toFixed(0)} MB`,
      why: 'the audit grows with the number of small counts, not of contributions: see the time per theme (rounds of audit and reinforcement)',
    },
  ];
  return {
    title: '4. Statistical secrecy on the seeded data',
    method: [
      `The synthetic data set of \`npm start\` (${records.length} contributions), published as the server does: tables, primary rules, complements, LP audit.`,
      'Headline coverage counts (département × headline question) pairs with at least k answers whose headline figures are published: a yes/no question\'s share of yeses, every answer but "ne sait pas" of another (what the synthesis shows and the Baromètre quotes). "Whole": every answer of the question published. "At most": the share the rules themselves leave possible (a sensitive count hides its département\'s figure whatever the complements). "Régions": (région × headline question) pairs with at least k answers whose headline figures are published — complements take a région\'s figure before a département\'s own (see `headline-coverage.ts` and `secrecy/complement.ts`).',
    ],
    tables: [
      {
        headers: ['theme', 'contributions', 'hidden cells', 'rounds', 'headline figures', 'share', 'whole', 'at most', 'régions', 'time'],
        rows,
        numeric: [1, 2, 3, 4, 5, 6, 7, 8, 9],
      },
    ],
    targets,
    notes: [`Whole publication: ${seconds.toFixed(1)} s, peak resident memory ${(peak / 1e6).toFixed(0)} MB.`],
  };
}

// `npm run bench:secrecy`: this section alone.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const section = await measureSecrecy((line) => console.log(line));
  console.log(`\n${renderSection(section)}`);
}
