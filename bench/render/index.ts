import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { createDraftStore } from '../../src/core/api/drafts.js';
import { createMemoryStorage } from '../../src/core/api/storage.js';
import { definitions } from '../../src/questionnaires/all.js';
import { editions } from '../../src/questionnaires/editions.js';
import type { Section, Table, Target } from '../lib/report.js';
import { loadAverage } from '../lib/machine.js';
import { kB, median, ms, ratio } from '../lib/stats.js';
import { launch, loadOnce, type LoadResult, type Scenario } from './browser.js';
import { describeConditions, NETWORKS, type LoadConditions } from './conditions.js';
import { PAGES, writeSite, type ChartSubject } from './site.js';
import { checkConverter } from './surveyjs-check.js';
import { before, breakdown, describeRounds, isApi, plural, summarize } from './summary.js';

/**
 * Section 2: first render in headless Chromium, ours against SurveyJS (questionnaire) and against
 * plain Chart.js and DSFR Chart (chart). One server — the reference API in a process of its own
 * (serve.ts), on a temporary database seeded with the synthetic data set — serves the API, our
 * fresh build and the other libraries' files.
 */

export const QUESTIONNAIRE_RATIO_TARGET = 0.5;
export const CHART_RATIO_TARGET = 1.2;
/** A page visited again within a day: ours against SurveyJS visited again. */
export const REVISIT_RATIO_TARGET = 1.1;

/** The OPSN example of the README: a valid SIRET of a commune (Rennes). */
const SIRET = '21350238800019';
const THEME = 'cybersecurite';

interface Side {
  scenario: Scenario;
  loads: LoadResult[];
  warmup?: LoadResult;
  failure?: string;
}

/**
 * The ratio of two sides: the median of their per-round ratios. Both sides loaded back to back
 * in each round, so a slow spell of the machine weighs on both terms of the same ratio.
 */
function pairedRatio(side: Side, reference: Side): number {
  if (side.failure !== undefined || reference.failure !== undefined) return Number.NaN;
  const rounds = Math.min(side.loads.length, reference.loads.length);
  return median(Array.from({ length: rounds }, (_, i) => side.loads[i]!.doneAt / reference.loads[i]!.doneAt));
}

/** Runs every side once as a warm-up (server caches, JIT, disk cache of the OS), then `runs` rounds in rotating order. */
async function race(browser: Browser, sides: Side[], runs: number, log: (line: string) => void, conditions: LoadConditions): Promise<void> {
  for (const side of sides) {
    try {
      side.warmup = await loadOnce(browser, side.scenario, { weigh: true, conditions, timeoutMs: 60_000 });
    } catch (error) {
      side.failure = error instanceof Error ? error.message : String(error);
      log(`  ${side.scenario.label}: ${side.failure}`);
    }
  }
  const running = sides.filter((side) => side.failure === undefined);
  for (let round = 0; round < runs; round++) {
    // Each round starts with another side, so a slow spell of the machine does not always hit the same one.
    const order = running.map((_, index) => running[(index + round) % running.length]!);
    for (const side of order) side.loads.push(await loadOnce(browser, side.scenario, { conditions, timeoutMs: 60_000 }));
  }
  for (const side of running) {
    const s = summarize(side.loads);
    log(`  ${side.scenario.label}: median ${ms(s.done)} (${side.loads.length} loads; ${side.warmup?.what})`);
  }
}

/** A key and a self-signed certificate for 127.0.0.1, for the HTTP/2 front (browsers speak HTTP/2 only over TLS). */
function selfSignedCertificate(folder: string): [key: string, cert: string] {
  const key = join(folder, 'front-key.pem');
  const cert = join(folder, 'front-cert.pem');
  const made = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`openssl could not make the HTTP/2 front's certificate: ${made.error?.message ?? made.stderr}`);
  return [key, cert];
}

/** The render server's origins: the server itself, and fronts before it (see `front.ts`). */
interface Origins {
  direct: string;
  /** Every answer a day old: a page visited again meets its cache as it would the day after. */
  aged: string;
  /** Over HTTP/2, fresh and aged, when asked for. */
  http2?: string;
  http2Aged?: string;
}

interface RenderServer {
  origins: Origins;
  stop(): Promise<void>;
}

/** Starts bench/render/serve.ts (with an HTTP/2 front when `tls` is given) and waits for its ports. */
async function startRenderServer(database: string, site: string, cdn: string, tls?: [key: string, cert: string]): Promise<RenderServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'serve.ts'), database, site, cdn, ...(tls ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ports = await new Promise<{ port: number; fronts: Record<string, number> }>((resolvePorts, reject) => {
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((text) => text.startsWith('{"port":'));
      if (line !== undefined && output.includes('\n', output.indexOf(line))) resolvePorts(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`The render server exited (${code}):\n${output}`)));
  });
  const at = (scheme: string, port: number | undefined) => (port === undefined ? undefined : `${scheme}://127.0.0.1:${port}`);
  return {
    origins: {
      direct: at('http', ports.port)!,
      aged: at('http', ports.fronts.aged)!,
      http2: at('https', ports.fronts.http2),
      http2Aged: at('https', ports.fronts['http2-aged']),
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** How long the seeded server may take to publish every edition (every theme, audit included). */
const PUBLICATIONS_MS = 45 * 60_000;

/**
 * Waits until the server has published every edition of the seeded data set: it computes the
 * current one in the background at start, then the previous edition's final one. Pages measured
 * while a publication is being computed share the processor with it (five minutes of audit on two
 * cores), which slows every page and the pages of many requests the most.
 */
async function publicationsDone(api: string): Promise<void> {
  const deadline = Date.now() + PUBLICATIONS_MS;
  const wanted = editions.map((edition) => edition.id);
  while (Date.now() < deadline) {
    const response = await fetch(`${api}/publications`);
    const body = response.ok ? ((await response.json()) as { publications: { edition: string; contributions: number }[] }) : { publications: [] };
    const published = new Set(body.publications.filter((publication) => publication.contributions > 0).map((publication) => publication.edition));
    if (wanted.every((id) => published.has(id))) return;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  throw new Error(`The render server did not publish editions ${wanted.join(', ')} in time`);
}

/** A département whose three series (itself, its région, France) all publish the question. */
async function chartSubject(api: string): Promise<ChartSubject> {
  await publicationsDone(api);
  const question = 'rssi';
  for (const code of ['35', '33', '59', '69', '13', '44', '31']) {
    const subject: ChartSubject = { theme: THEME, question, territoire: `departement:${code}`, comparer: ['region', 'france'] };
    const response = await fetch(`${api}/resultats/${THEME}?territoire=${subject.territoire}&comparer=region,france&question=${question}`);
    if (!response.ok) continue;
    const body = (await response.json()) as { series: { status: string; questions: Record<string, { status: string }> }[] };
    const shown = body.series.filter((series) => series.status === 'publie' && series.questions[question]?.status === 'publie');
    if (shown.length === 3) return subject;
  }
  throw new Error('No département with three published series for the chart comparison');
}

function row(label: string, side: Side, reference: Side | undefined, paint: boolean): string[] {
  if (side.failure !== undefined) return [label, 'failed', '', '', '', '', '', '', ''];
  const s = summarize(side.loads);
  const versus = reference ? ratio(pairedRatio(side, reference)) : '';
  const fetched = side.warmup?.downloaded;
  const downloaded = fetched ? `${kB(fetched.gzip)} / ${kB(fetched.brotli)} (${fetched.files})` : '';
  const optional = (value: number) => (Number.isFinite(value) ? ms(value) : '—');
  return [label, ms(s.done), `${ms(s.q1)}–${ms(s.q3)}`, versus, paint ? ms(s.first) : '—', `${s.requests} / ${s.rounds}`, optional(s.lastAsset), optional(s.lastApi), downloaded];
}

/** Says so when Chart.js was asked for only once the figures were in (a round later than it could have been). */
function chartRuntimeLate(load: LoadResult | undefined): string {
  const entries = load ? before(load) : [];
  const runtime = entries.find((entry) => /\/chart-runtime-[\w-]+\.js$/.test(new URL(entry.name).pathname));
  const api = entries.filter((entry) => isApi(entry.name));
  if (!runtime || api.length === 0) return '';
  const figuresIn = Math.min(...api.map((entry) => entry.responseEnd));
  return runtime.startTime >= figuresIn ? ` (Chart.js was asked for only once the figures were in: API ${ms(figuresIn)}, Chart.js asked at ${ms(runtime.startTime)})` : '';
}

/** A row of the visits-again table: what still went over the network, and when it was done. */
function againRow(label: string, side: Side, reference: Side | undefined): string[] {
  if (side.failure !== undefined) return [label, 'failed', '', '', '', '', ''];
  const s = summarize(side.loads);
  const versus = reference ? ratio(pairedRatio(side, reference)) : '';
  return [label, ms(s.done), `${ms(s.q1)}–${ms(s.q3)}`, versus, `${s.network} / ${s.requests}`, kB(s.networkBytes), String(s.networkRounds)];
}

/** Says whether any page asked for something outside the local server (it could not have had it). */
function externalNote(sides: readonly Side[]): string {
  const asked = sides.flatMap((side) => (side.warmup?.external ?? []).map((url) => `${side.scenario.label}: ${url}`));
  return asked.length === 0
    ? 'No page asked for anything but the local server.'
    : `Requests outside the local server (failed at once: host names do not resolve in this browser): ${asked.slice(0, 5).join('; ')}${asked.length > 5 ? '…' : ''}.`;
}

/** What one condition gave: its tables and targets, and each repetition's ratios. */
interface ConditionFigures {
  tables: Table[];
  targets: Target[];
  /** Per repetition: questionnaire vs SurveyJS, restored draft vs SurveyJS, chart vs Chart.js (ES module), and both visited again. */
  repetitions: { questionnaire: number; draft: number; chart: number; questionnaireAgain: number; chartAgain: number }[];
  draftRounds: number;
  notes: string[];
}

/** The part of a side's loads that one repetition added. */
const slice = (side: Side, from: number, to: number): Side => ({ ...side, loads: side.loads.slice(from, to) });

/** The median of values and their spread, `0.44× (0.41–0.47)`. */
function spread(values: readonly number[]): string {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return 'n/a';
  const range = finite.length > 1 ? ` (${ratio(Math.min(...finite))}–${ratio(Math.max(...finite))})` : '';
  return `${ratio(median(finite))}${range}`;
}

interface Pages {
  origin: string;
  /** The same pages through a front whose answers are a day old: where visits again are timed. */
  agedOrigin: string;
  chart: ChartSubject;
  draft: Record<string, string>;
}

/**
 * Every render row in one condition, `repeat` times: each repetition is a warm-up and `runs`
 * rounds of its own, and gives its own ratios, so that one noisy spell cannot decide a target.
 * The tables pool the loads of every repetition.
 */
async function measureCondition(
  browser: Browser,
  pages: Pages,
  conditions: LoadConditions,
  runs: number,
  repeat: number,
  log: (line: string) => void,
): Promise<ConditionFigures> {
  const { origin, agedOrigin, chart, draft } = pages;
  const ours: Side = {
    scenario: { label: '<barometre-questionnaire>, identification step', url: origin + PAGES.questionnaire, probe: { mode: 'input', host: 'barometre-questionnaire', selector: 'form input' } },
    loads: [],
  };
  const oursDraft: Side = {
    scenario: { ...ours.scenario, label: '<barometre-questionnaire>, first questions (restored draft)', storage: draft },
    loads: [],
  };
  const surveyJs: Side = {
    scenario: { label: 'SurveyJS, first page', url: origin + PAGES.surveyJs, probe: { mode: 'input', selector: '#survey input' } },
    loads: [],
  };
  // Reduced motion: our element then draws without animation, as the plain Chart.js pages do.
  const chartScenario = (label: string, path: string): Side => ({
    scenario: { label, url: origin + path, probe: { mode: 'canvas' }, reducedMotion: 'reduce' },
    loads: [],
  });
  const oursChart = chartScenario('<barometre-territoire-chart>', PAGES.chart);
  const esm = chartScenario('Chart.js, ES module build', PAGES.chartJsEsm);
  const umd = chartScenario('Chart.js, minified UMD build', PAGES.chartJsUmd);
  const dsfr = chartScenario('DSFR Chart <bar-chart>', PAGES.dsfr);
  // The same pages visited again the day after their first visit, in the same browser.
  const again = (side: Side): Side => ({
    scenario: { ...side.scenario, label: `${side.scenario.label}, visited again`, url: side.scenario.url.replace(origin, agedOrigin), visitedBefore: true },
    loads: [],
  });
  const oursAgain = again(ours);
  const surveyJsAgain = again(surveyJs);
  const oursChartAgain = again(oursChart);
  const esmAgain = again(esm);

  const repetitions: ConditionFigures['repetitions'] = [];
  for (let repetition = 0; repetition < repeat; repetition++) {
    const [q0, c0] = [ours.loads.length, oursChart.loads.length];
    log(`  ${describeConditions(conditions)}, repetition ${repetition + 1} of ${repeat}: questionnaire, ${runs} rounds`);
    await race(browser, [ours, oursDraft, surveyJs, oursAgain, surveyJsAgain], runs, log, conditions);
    log(`  ${describeConditions(conditions)}, repetition ${repetition + 1} of ${repeat}: chart, ${runs} rounds`);
    await race(browser, [oursChart, esm, umd, dsfr, oursChartAgain, esmAgain], runs, log, conditions);
    const [q1, c1] = [ours.loads.length, oursChart.loads.length];
    repetitions.push({
      questionnaire: pairedRatio(slice(ours, q0, q1), slice(surveyJs, q0, q1)),
      draft: pairedRatio(slice(oursDraft, q0, q1), slice(surveyJs, q0, q1)),
      chart: pairedRatio(slice(oursChart, c0, c1), slice(esm, c0, c1)),
      questionnaireAgain: pairedRatio(slice(oursAgain, q0, q1), slice(surveyJsAgain, q0, q1)),
      chartAgain: pairedRatio(slice(oursChartAgain, c0, c1), slice(esmAgain, c0, c1)),
    });
    const last = repetitions.at(-1)!;
    log(
      `  → questionnaire ${ratio(last.questionnaire)}, restored draft ${ratio(last.draft)}, chart ${ratio(last.chart)}; ` +
        `visited again: questionnaire ${ratio(last.questionnaireAgain)}, chart ${ratio(last.chartAgain)}`,
    );
  }

  const loads = runs * repeat;
  const told = `${repeat > 1 ? `${repeat} repetitions of ${runs} rounds, ` : ''}median of ${loads}; ${describeConditions(conditions)}`;
  const headers = ['page', 'done', 'quartiles', 'ratio', 'first paint', 'requests / rounds', 'last JS/CSS in', 'last API in', 'JS/CSS fetched (gzip / brotli, files)'];
  const numeric = [1, 2, 3, 4, 5, 6, 7, 8];
  const code = (text: string) => text.replace(/<([\w-]+)>/g, '`<$1>`');
  const questionnaireTable: Table = {
    title: `Questionnaire \`${THEME}\`: navigation start → first input interactive (${told})`,
    headers,
    numeric,
    rows: [
      row(code(ours.scenario.label), ours, surveyJs, false),
      row(code(oursDraft.scenario.label), oursDraft, surveyJs, false),
      row(surveyJs.scenario.label, surveyJs, undefined, false),
    ],
  };
  const chartTable: Table = {
    title: `Bar chart, ${chart.territoire} vs ${chart.comparer.join(', ')}, question \`${chart.question}\`: navigation start → chart drawn (${told})`,
    headers,
    numeric,
    rows: [
      row(code(oursChart.scenario.label), oursChart, esm, true),
      row(esm.scenario.label, esm, undefined, true),
      row(umd.scenario.label, umd, esm, true),
      row(code(dsfr.scenario.label), dsfr, esm, true),
    ],
  };
  const againTable: Table = {
    title: `Visited again the day after, same browser: navigation start → first input / chart drawn (${told})`,
    headers: ['page', 'done', 'quartiles', 'ratio', 'requests over the network / in all', 'bytes over the network', 'rounds over the network'],
    numeric: [1, 2, 3, 4, 5, 6],
    rows: [
      againRow(code(oursAgain.scenario.label), oursAgain, surveyJsAgain),
      againRow(surveyJsAgain.scenario.label, surveyJsAgain, undefined),
      againRow(code(oursChartAgain.scenario.label), oursChartAgain, esmAgain),
      againRow(esmAgain.scenario.label, esmAgain, undefined),
    ],
  };

  const where = describeConditions(conditions);
  const over = repeat > 1 ? `; per repetition ${spread(repetitions.map((r) => r.questionnaire))}` : '';
  const targets: Target[] = [];
  const q = median(repetitions.map((r) => r.questionnaire));
  const qs = summarize(ours.loads);
  const ss = summarize(surveyJs.loads);
  targets.push({
    name: `questionnaire first render ≤ ${QUESTIONNAIRE_RATIO_TARGET} × SurveyJS (${where})`,
    met: q <= QUESTIONNAIRE_RATIO_TARGET,
    measured: `${ratio(q)} (medians ${ms(qs.done)} vs ${ms(ss.done)})${over}`,
    why: `${breakdown('ours', qs)}; ${breakdown('SurveyJS', ss)}. Ours' rounds: ${describeRounds(ours.loads.at(-1))}.`,
  });
  const c = median(repetitions.map((r) => r.chart));
  const cs = summarize(oursChart.loads);
  const es = summarize(esm.loads);
  targets.push({
    name: `chart render ≤ ${CHART_RATIO_TARGET} × plain Chart.js (ES module build) (${where})`,
    met: c <= CHART_RATIO_TARGET,
    measured:
      `${ratio(c)} (medians ${ms(cs.done)} vs ${ms(es.done)})${repeat > 1 ? `; per repetition ${spread(repetitions.map((r) => r.chart))}` : ''}; ` +
      `${ratio(pairedRatio(oursChart, umd))} the UMD build`,
    why:
      `${breakdown('ours', cs)}` +
      chartRuntimeLate(oursChart.loads.at(-1)) +
      `; ${breakdown('plain Chart.js', es)}. Ours' rounds: ${describeRounds(oursChart.loads.at(-1))}.`,
  });
  const qa = median(repetitions.map((r) => r.questionnaireAgain));
  const qas = summarize(oursAgain.loads);
  const sas = summarize(surveyJsAgain.loads);
  targets.push({
    name: `questionnaire visited again the day after ≤ ${REVISIT_RATIO_TARGET} × SurveyJS visited again (${where})`,
    met: qa <= REVISIT_RATIO_TARGET,
    measured: `${ratio(qa)} (medians ${ms(qas.done)} vs ${ms(sas.done)})${repeat > 1 ? `; per repetition ${spread(repetitions.map((r) => r.questionnaireAgain))}` : ''}`,
    why:
      `ours: ${plural(qas.network, 'request')} over the network (after the page) in ${plural(qas.networkRounds, 'round')}; SurveyJS: ${qas.network === sas.network ? 'as many' : sas.network} in ${plural(sas.networkRounds, 'round')}. ` +
      `Ours' rounds: ${describeRounds(oursAgain.loads.at(-1), true)}.`,
  });
  const ds = summarize(oursDraft.loads);
  const notes = [
    `${where}: found ours \`${ours.warmup?.what ?? '?'}\`, ours from a draft \`${oursDraft.warmup?.what ?? '?'}\`, SurveyJS \`${surveyJs.warmup?.what ?? '?'}\`; ` +
      `the restored draft's rounds: ${describeRounds(oursDraft.loads.at(-1))}.`,
    dsfr.failure !== undefined ? `DSFR Chart could not be rendered (${where}): ${dsfr.failure}` : '',
    externalNote([ours, oursDraft, surveyJs, oursChart, esm, umd, dsfr]),
  ].filter(Boolean);
  return { tables: [questionnaireTable, chartTable, againTable], targets, repetitions, draftRounds: ds.rounds, notes };
}

export interface RenderFigures {
  questionnaireRatio: number;
  chartRatio: number;
  chromium: string;
}

/**
 * Measures the render rows in each of `conditions` (the first figures returned are the first
 * condition's), `repeat` times each, on one server and one browser.
 */
export async function measureRender(
  cdnDir: string,
  runs: number,
  log: (line: string) => void,
  conditions: readonly LoadConditions[] = [{ ...NETWORKS.loopback, cpu: 1 }],
  repeat = 1,
): Promise<{ section: Section; figures: RenderFigures }> {
  const steps = checkConverter(Object.values(definitions), 4);
  log(`  SurveyJS converter agrees with our engine on ${steps} answer steps across the nine questionnaires`);

  const folder = mkdtempSync(join(tmpdir(), 'barometre-bench-render-'));
  const site = join(folder, 'site');
  // The server serves only folders that exist when it is created; the pages are written once it listens.
  mkdirSync(site);
  let server: Awaited<ReturnType<typeof startRenderServer>> | undefined;
  let browser: Browser | undefined;
  try {
    const tls = conditions.some((condition) => condition.http2) ? selfSignedCertificate(folder) : undefined;
    server = await startRenderServer(join(folder, 'render.db'), site, cdnDir, tls);
    const definition = definitions[THEME];
    const { origins } = server;
    const chart = await chartSubject(`${origins.direct}/api/v1`);
    // The pages name the API by its path: the same files serve every origin.
    writeSite(site, '/api/v1', { definition, siret: SIRET }, chart);

    // The element restores a draft kept under the SIRET the page gives: with the role chosen and
    // the first section as its step, it opens on the questions. Written by the element's own store.
    const storage = createMemoryStorage();
    createDraftStore({ storage }).save(
      { theme: definition.theme, version: definition.version, siret: SIRET },
      { siret: SIRET, role: 'agent', answers: {}, step: definition.sections[0]!.id },
    );
    const draft = Object.fromEntries(storage.keys().map((key) => [key, storage.getItem(key)!]));

    browser = await launch();
    const chromium = `Chromium ${browser.version()}`;
    const measured: { conditions: LoadConditions; figures: ConditionFigures; load: string }[] = [];
    for (const condition of conditions) {
      const [origin, agedOrigin] = condition.http2 ? [origins.http2!, origins.http2Aged!] : [origins.direct, origins.aged];
      const figures = await measureCondition(browser, { origin, agedOrigin, chart, draft }, condition, runs, repeat, log);
      measured.push({ conditions: condition, figures, load: loadAverage() });
    }

    const summary: Table = {
      title: `Targets in every condition: median ratio over ${repeat} repetition${repeat === 1 ? '' : 's'} of ${runs} rounds (lowest–highest repetition)`,
      headers: [
        'condition',
        `questionnaire (≤ ${QUESTIONNAIRE_RATIO_TARGET}×)`,
        `chart (≤ ${CHART_RATIO_TARGET}×)`,
        `questionnaire visited again (≤ ${REVISIT_RATIO_TARGET}×)`,
        'chart visited again',
        'restored draft',
        'draft rounds',
        'load average at end',
      ],
      numeric: [1, 2, 3, 4, 5, 6, 7],
      rows: measured.map(({ conditions: condition, figures, load }) => {
        const mark = (value: number, target: number) => `${value <= target ? '✓' : '✗'} `;
        const q = median(figures.repetitions.map((r) => r.questionnaire));
        const c = median(figures.repetitions.map((r) => r.chart));
        const qa = median(figures.repetitions.map((r) => r.questionnaireAgain));
        return [
          describeConditions(condition),
          mark(q, QUESTIONNAIRE_RATIO_TARGET) + spread(figures.repetitions.map((r) => r.questionnaire)),
          mark(c, CHART_RATIO_TARGET) + spread(figures.repetitions.map((r) => r.chart)),
          mark(qa, REVISIT_RATIO_TARGET) + spread(figures.repetitions.map((r) => r.questionnaireAgain)),
          spread(figures.repetitions.map((r) => r.chartAgain)),
          spread(figures.repetitions.map((r) => r.draft)),
          String(figures.draftRounds),
          load,
        ];
      }),
    };

    const notes = [
      `"Done" for a questionnaire: the first \`input\` of the form (searched inside open shadow roots) is connected, enabled, laid out and reachable by Tab, checked once per animation frame and timed when the check runs (not with the frame's own timestamp, which Chromium sets before a long task that holds that frame back: it counted the task that draws the input as already done).`,
      ...measured.flatMap(({ figures }) => figures.notes),
      'Our element always opens on its identification step, even with `siret` given (the respondent still confirms the collectivité and says whether they answer as an agent or an élu): the target row compares that step with SurveyJS\'s first page of questions. ' +
        'The "restored draft" row shows ours opening directly on the first section, from a draft saved in localStorage under that SIRET (role chosen).',
      'The questionnaire element fetches its definition from the API (`GET /api/v1/questionnaires/cybersecurite`); the SurveyJS page has the converted JSON in a script of its own (no extra request). ' +
        `The conversion (bench/render/surveyjs.ts) was checked against our engine first: same visible questions after each of ${steps} answer steps.`,
      '"Done" for a chart: the first frame whose chart canvas (64 pixels a side at least: a legend\'s swatches are no chart) has painted pixels that then stay unchanged for three frames; "first paint" is the first frame with painted pixels; both timed as the questionnaire\'s check. ' +
        'The browser prefers reduced motion, so our element draws without animation; the plain Chart.js pages set `animation: false`. ' +
        'Every third-party chart page fetches the same two API responses as our element (results and definition) as soon as its head is parsed.',
      'DSFR Chart renders without the DSFR stylesheet and script (not installed; its README requires them), so its look is not the intended one; it has no option to turn its 1-second animation off, so its "done" includes the animation ("first paint" is when bars start to grow).',
      '"JS/CSS fetched": every script and stylesheet the page had received when it was done (warm-up load of the last repetition), each body compressed on its own at gzip level 9 and at brotli quality 11, and how many files.',
      '"Visited again the day after": each load first visits the page once, untimed, then visits it again in the same browser context and is timed there: the HTTP cache and the compiled code of the first visit are kept. ' +
        'Both visits go through a front that passes every answer on with an `Age` of one day (`render/front.ts`), as a cache that had kept it that long would: the browser counts that age against each answer\'s `max-age`, so what is kept for less than a day (pages, other libraries\' files, API answers) is revalidated, our loader runs from the cache while it is revalidated behind the page (`stale-while-revalidate`), and content-hashed files come from the cache. ' +
        '"Requests over the network": those that reached the server (a revalidation\'s 304 included), after the page itself.',
      '"Rounds": sequential rounds of requests before done — a request that starts only after the first response of the current round has arrived opens a new one.',
      'The local server speaks HTTP/1.1, like `npm start`: Chromium opens at most six connections to it, so a round of a dozen requests is served six at a time. ' +
        'Conditions marked HTTP/2 load the same pages through an HTTP/2 front over TLS (`render/front.ts`, as a CDN or a reverse proxy would serve them): every request on one connection, the server\'s answers passed through as they are.',
      `Each load: a new browser context (empty cache, empty storage), 1280×900 viewport, ${chromium}, conditions by DevTools protocol emulation (\`--network\`, \`--cpu\`, \`--conditions\`). ` +
        'Each repetition: one warm-up load per side, then its rounds in rotating order. ' +
        '"Done" is the median of the loads, "quartiles" its 25th and 75th percentiles; a repetition\'s ratio is the median of its per-round ratios of the two sides (each round loads every side back to back), a target\'s ratio the median of its repetitions\' ratios.',
    ];

    const first = measured[0]!.figures;
    return {
      section: {
        title: '2. Render (headless Chromium)',
        method: [],
        tables: [summary, ...measured.flatMap(({ figures }) => figures.tables)],
        targets: measured.flatMap(({ figures }) => figures.targets),
        notes,
      },
      figures: {
        questionnaireRatio: median(first.repetitions.map((r) => r.questionnaire)),
        chartRatio: median(first.repetitions.map((r) => r.chart)),
        chromium,
      },
    };
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
