import { basename, join, relative } from 'node:path';
import { loadBundleSize } from './lib/bundle.js';
import type { Section, Target } from './lib/report.js';
import { kB, ratio } from './lib/stats.js';
import { chartJsEsm, chartJsUmd, dsfrBarChart, dsfrBarChartUmd, localPath, surveyJs, type Library } from './lib/vendor.js';

/**
 * Section 1: what a page downloads, gzip level 9 per file (as scripts/bundle-size.mjs counts),
 * for our script-tag build against SurveyJS and DSFR Chart.
 */

export const QUESTIONNAIRE_TARGET = 35_000;
export const CHART_CHUNK_TARGET = 70_000;

export interface SizeFigures {
  questionnairePath: number;
  chartChunk: number;
  surveyJs: number;
  dsfr: number;
}

export async function measureSize(cdnDir: string): Promise<{ section: Section; figures: SizeFigures }> {
  const bundle = await loadBundleSize();
  const loader = join(cdnDir, 'barometre-widgets.js');
  const chunkOf = (tag: string) => {
    const chunk = bundle.loaderChunk(loader, tag);
    if (!chunk) throw new Error(`The loader has no chunk for <${tag}>`);
    return chunk;
  };
  const questionnaireChunk = chunkOf('barometre-questionnaire');
  const chartElementChunk = chunkOf('barometre-territoire-chart');
  const chartElementPath = bundle.closureOf([loader, chartElementChunk]);
  // Chart.js is the chunk the chart element imports on demand (src/elements/territoire-chart/chart-loader.ts).
  const runtime = chartElementPath
    .flatMap((file) => bundle.dynamicImports(file))
    .find((file) => basename(file).startsWith('chart-runtime-'));
  if (!runtime) throw new Error('No chart-runtime chunk among the chart element’s dynamic imports');

  const entry = bundle.staticClosure(loader);
  const questionnairePath = bundle.closureOf([loader, questionnaireChunk]);
  const chartChunk = bundle.staticClosure(runtime);
  const chartChunkNew = chartChunk.filter((file) => !chartElementPath.includes(file));
  const chartWhole = bundle.closureOf([loader, chartElementChunk, runtime]);

  const ours = {
    entry: bundle.gzipTotal(entry),
    questionnaire: bundle.gzipTotal(questionnairePath),
    chartChunk: bundle.gzipTotal(chartChunk),
    chartChunkNew: bundle.gzipTotal(chartChunkNew),
    chartWhole: bundle.gzipTotal(chartWhole),
  };
  const weigh = (library: Library) => bundle.gzipTotal(library.files.map(localPath));
  const libraries = {
    surveyJs: surveyJs(),
    dsfr: dsfrBarChart(),
    dsfrUmd: dsfrBarChartUmd(),
    chartEsm: chartJsEsm(),
    chartUmd: chartJsUmd(),
  };
  const theirs = {
    surveyJs: weigh(libraries.surveyJs),
    dsfr: weigh(libraries.dsfr),
    dsfrUmd: weigh(libraries.dsfrUmd),
    chartEsm: weigh(libraries.chartEsm),
    chartUmd: weigh(libraries.chartUmd),
  };
  const files = (list: readonly string[]) => list.map((file) => basename(file)).join(', ');
  const name = (file: string) => relative(cdnDir, file);

  const rows: string[][] = [
    ['Script-tag entry (loader + static imports)', String(entry.length), kB(ours.entry), ''],
    [
      'Questionnaire critical path (loader + `<barometre-questionnaire>` chunk + static imports)',
      String(questionnairePath.length),
      kB(ours.questionnaire),
      `${ratio(ours.questionnaire / theirs.surveyJs)} SurveyJS`,
    ],
    [
      `Chart chunk (Chart.js, \`${name(runtime)}\` + static imports)`,
      String(chartChunk.length),
      kB(ours.chartChunk),
      `${ratio(ours.chartChunk / theirs.dsfr)} DSFR Chart, ${ratio(ours.chartChunk / theirs.chartUmd)} Chart.js UMD`,
    ],
    [
      'Chart, whole path (loader + `<barometre-territoire-chart>` chunk + Chart.js chunk, each file once)',
      String(chartWhole.length),
      kB(ours.chartWhole),
      `${ratio(ours.chartWhole / theirs.dsfr)} DSFR Chart`,
    ],
    [`${libraries.surveyJs.label} ${libraries.surveyJs.version}`, String(libraries.surveyJs.files.length), kB(theirs.surveyJs), ''],
    [`${libraries.dsfr.label} ${libraries.dsfr.version}`, String(libraries.dsfr.files.length), kB(theirs.dsfr), ''],
    [`${libraries.dsfrUmd.label}`, String(libraries.dsfrUmd.files.length), kB(theirs.dsfrUmd), ''],
    [`${libraries.chartEsm.label} ${libraries.chartEsm.version}`, String(libraries.chartEsm.files.length), kB(theirs.chartEsm), ''],
    [`${libraries.chartUmd.label} ${libraries.chartUmd.version}`, String(libraries.chartUmd.files.length), kB(theirs.chartUmd), ''],
  ];

  const perFile = (library: Library) =>
    library.files.map((file) => [`${file.pkg}/${file.path}`, kB(bundle.gzipSize(localPath(file)))]);
  const targets: Target[] = [
    {
      name: 'questionnaire critical path ≤ 35 kB gzip',
      met: ours.questionnaire <= QUESTIONNAIRE_TARGET,
      measured: `${kB(ours.questionnaire)} (${ratio(ours.questionnaire / QUESTIONNAIRE_TARGET)} the budget; ${ratio(ours.questionnaire / theirs.surveyJs)} SurveyJS)`,
      why: `largest files: ${largest(bundle, questionnairePath, cdnDir)}`,
    },
    {
      name: 'chart chunk ≤ 70 kB gzip',
      met: ours.chartChunk <= CHART_CHUNK_TARGET,
      measured: `${kB(ours.chartChunk)} (${ratio(ours.chartChunk / CHART_CHUNK_TARGET)} the budget; ${ratio(ours.chartChunk / theirs.dsfr)} DSFR Chart)`,
      why: `largest files: ${largest(bundle, chartChunk, cdnDir)}`,
    },
  ];

  const section: Section = {
    title: '1. Size (gzip level 9, each file compressed on its own)',
    method: [
      'Our figures come from a fresh `vite build` of the script-tag bundle; closures follow static imports from the loader',
      "(scripts/bundle-size.mjs). The questionnaire's chunk is the one the loader's own table names for the tag.",
      'Third-party figures are the files a page loads from node_modules, as their documentation has it.',
    ],
    tables: [
      { headers: ['what', 'files', 'gzip', 'ratio'], rows, numeric: [1, 2] },
      {
        title: 'Third-party files',
        headers: ['file', 'gzip'],
        rows: [...perFile(libraries.surveyJs), ...perFile(libraries.dsfr), ...perFile(libraries.chartEsm), ...perFile(libraries.chartUmd)],
        numeric: [1],
      },
    ],
    targets,
    notes: [
      `Questionnaire critical path files: ${files(questionnairePath)}.`,
      chartChunkNew.length === chartChunk.length
        ? `The chart chunk shares nothing with what the chart element already loaded.`
        : `Of the chart chunk's closure, ${kB(ours.chartChunkNew)} is new when the chart nears the viewport (the rest came with the element).`,
      'DSFR Chart also requires, per its README, the DSFR itself (dsfr.min.css, icons-system.min.css, dsfr.module.min.js). ' +
        '@gouvfr/dsfr is not installed here, so those files are not counted: the DSFR Chart figures are a lower bound.',
      "SurveyJS's theme is counted in its fontless variant (survey-core.fontless.min.css): the default one also loads Open Sans from Google Fonts, which is not counted either way.",
      'BarChart.js is shipped unminified (a Vue development build): that is what a page loads when following the README.',
    ],
  };
  return {
    section,
    figures: { questionnairePath: ours.questionnaire, chartChunk: ours.chartChunk, surveyJs: theirs.surveyJs, dsfr: theirs.dsfr },
  };
}

function largest(bundle: { gzipSize(file: string): number }, files: readonly string[], dir: string): string {
  return [...files]
    .map((file) => ({ file, size: bundle.gzipSize(file) }))
    .sort((a, b) => b.size - a.size)
    .slice(0, 3)
    .map(({ file, size }) => `${relative(dir, file)} ${kB(size)}`)
    .join(', ');
}
