import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { QuestionnaireDefinition } from '../../src/core/schema/questionnaire.js';
import { chartJsEsm, chartJsUmd, dsfrBarChart, localPath, surveyJs, vendorUrl, type Library } from '../lib/vendor.js';
import { toSurveyJson } from './surveyjs.js';

/**
 * The pages of the render comparison, written into a temporary folder that the server serves as
 * its demo root: our elements load from `/cdn/` (the fresh build), the other libraries from
 * `/vendor/` (copied from node_modules), both from the same local server over HTTP.
 */

export interface ChartSubject {
  theme: string;
  question: string;
  territoire: string;
  comparer: string[];
}

export interface QuestionnaireSubject {
  definition: QuestionnaireDefinition;
  siret: string;
}

/** Page paths, by scenario. */
export const PAGES = {
  questionnaire: '/questionnaire.html',
  surveyJs: '/questionnaire-surveyjs.html',
  chart: '/chart.html',
  chartJsEsm: '/chart-chartjs-esm.html',
  chartJsUmd: '/chart-chartjs-umd.html',
  dsfr: '/chart-dsfr.html',
} as const;

const GLUE = resolve(import.meta.dirname, '../pages');

function page(title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${head}
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function copyLibrary(site: string, library: Library): void {
  for (const file of library.files) {
    const target = join(site, vendorUrl(file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(localPath(file), target);
  }
}

/** Writes every page; `api` is the API base the pages name (`/api/v1`: whichever origin serves them). */
export function writeSite(site: string, api: string, questionnaire: QuestionnaireSubject, chart: ChartSubject): void {
  mkdirSync(site, { recursive: true });
  for (const file of readdirSync(GLUE)) if (file.endsWith('.js') && file !== 'probe.js') copyFileSync(join(GLUE, file), join(site, file));
  const sj = surveyJs();
  const esm = chartJsEsm();
  const umd = chartJsUmd();
  const dsfr = dsfrBarChart();
  for (const library of [sj, esm, umd, dsfr]) copyLibrary(site, library);

  const { definition, siret } = questionnaire;
  writeFileSync(
    join(site, `survey-${definition.theme}.js`),
    `window.benchSurveyJson = ${JSON.stringify(toSurveyJson(definition, 'fr'))};\n`,
  );
  const url = (library: Library, path: string) => vendorUrl(library.files.find((file) => file.path.endsWith(path))!);

  writeFileSync(
    join(site, PAGES.questionnaire),
    page(
      'Questionnaire — barometre-widgets',
      '<script type="module" src="/cdn/barometre-widgets.js"></script>',
      `<barometre-questionnaire api="${escape(api)}" theme="${definition.theme}" siret="${siret}"></barometre-questionnaire>`,
    ),
  );
  writeFileSync(
    join(site, PAGES.surveyJs),
    page(
      'Questionnaire — SurveyJS',
      [
        `<link rel="stylesheet" href="${url(sj, 'survey-core.fontless.min.css')}">`,
        `<script defer src="${url(sj, 'survey.core.min.js')}"></script>`,
        `<script defer src="${url(sj, 'french.min.js')}"></script>`,
        `<script defer src="${url(sj, 'survey-js-ui.min.js')}"></script>`,
        `<script defer src="/survey-${definition.theme}.js"></script>`,
        '<script defer src="/surveyjs.js"></script>',
      ].join('\n'),
      '<div id="survey"></div>',
    ),
  );

  const query = new URLSearchParams({
    territoire: chart.territoire,
    comparer: chart.comparer.join(','),
    question: chart.question,
    ponderation: 'brute',
  });
  const data = `<script src="/chart-data.js" data-results="${escape(`${api}/resultats/${chart.theme}?${query}`)}" data-definition="${escape(`${api}/questionnaires/${chart.theme}`)}" data-question="${chart.question}"></script>`;
  writeFileSync(
    join(site, PAGES.chart),
    page(
      'Chart — barometre-widgets',
      '<script type="module" src="/cdn/barometre-widgets.js"></script>',
      `<barometre-territoire-chart api="${escape(api)}" theme="${chart.theme}" question="${chart.question}" territoire="${chart.territoire}" comparer="${chart.comparer.join(' ')}"></barometre-territoire-chart>`,
    ),
  );
  writeFileSync(
    join(site, PAGES.chartJsEsm),
    page(
      'Chart — Chart.js (ES modules)',
      [
        // Chart.js's ES build imports @kurkle/color by its bare name: an import map says where it is.
        `<script type="importmap">${JSON.stringify({ imports: { '@kurkle/color': url(esm, 'color.esm.js') } })}</script>`,
        data,
        '<script type="module" src="/chartjs-esm.js"></script>',
      ].join('\n'),
      '<div id="chart"></div>',
    ),
  );
  writeFileSync(
    join(site, PAGES.chartJsUmd),
    page(
      'Chart — Chart.js (UMD)',
      [data, `<script defer src="${url(umd, 'chart.umd.min.js')}"></script>`, '<script defer src="/chartjs-umd.js"></script>'].join('\n'),
      '<div id="chart"></div>',
    ),
  );
  writeFileSync(
    join(site, PAGES.dsfr),
    page(
      'Chart — DSFR Chart',
      [
        `<link rel="stylesheet" href="${url(dsfr, 'BarChart.css')}">`,
        data,
        `<script type="module" src="${url(dsfr, 'BarChart.js')}"></script>`,
        '<script type="module" src="/dsfr-chart.js"></script>',
      ].join('\n'),
      '<div id="chart"></div>',
    ),
  );
}
