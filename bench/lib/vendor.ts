import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The third-party files a page loads for each library the benchmark compares with, taken from
 * node_modules as installed. The size section weighs them; the render section serves them from
 * the same local server as our own files, under `/vendor/<package>/<path>`.
 */

export interface VendorFile {
  /** Package name, e.g. `survey-core`. */
  pkg: string;
  /** Path inside the package. */
  path: string;
}

export interface Library {
  label: string;
  version: string;
  files: VendorFile[];
}

export function packageDir(pkg: string): string {
  const dir = resolve('node_modules', pkg);
  if (!existsSync(dir)) throw new Error(`${pkg} is not installed (npm ci installs the benchmark's development dependencies)`);
  return dir;
}

export function packageVersion(pkg: string): string {
  return (JSON.parse(readFileSync(join(packageDir(pkg), 'package.json'), 'utf8')) as { version: string }).version;
}

export const localPath = (file: VendorFile): string => join(packageDir(file.pkg), file.path);
export const vendorUrl = (file: VendorFile): string => `/vendor/${file.pkg}/${file.path}`;

/**
 * SurveyJS as its documentation has a page load it: core, the UI, the default theme, French texts.
 * The theme's fontless variant: the default one also loads Open Sans from Google Fonts, and
 * nothing here may come from the internet (the font would add its own weight on top).
 */
export function surveyJs(): Library {
  return {
    label: 'SurveyJS (survey-core + survey-js-ui)',
    version: packageVersion('survey-core'),
    files: [
      { pkg: 'survey-core', path: 'survey.core.min.js' },
      { pkg: 'survey-core', path: 'i18n/french.min.js' },
      { pkg: 'survey-js-ui', path: 'survey-js-ui.min.js' },
      { pkg: 'survey-core', path: 'survey-core.fontless.min.css' },
    ],
  };
}

/** Chart.js's ES module build: the entry, its shared chunk and its one dependency (@kurkle/color). */
export function chartJsEsm(): Library {
  return {
    label: 'Chart.js, ES module build',
    version: packageVersion('chart.js'),
    files: [
      { pkg: 'chart.js', path: 'dist/chart.js' },
      { pkg: 'chart.js', path: 'dist/chunks/index.js' },
      { pkg: '@kurkle/color', path: 'dist/color.esm.js' },
    ],
  };
}

/** Chart.js's minified single-file build, for a script tag. */
export function chartJsUmd(): Library {
  return {
    label: 'Chart.js, minified UMD build',
    version: packageVersion('chart.js'),
    files: [{ pkg: 'chart.js', path: 'dist/chart.umd.min.js' }],
  };
}

/** DSFR Chart's bar chart alone (its README: one component's JS and CSS), ES module build. */
export function dsfrBarChart(): Library {
  return {
    label: 'DSFR Chart `<bar-chart>` (BarChart.js + BarChart.css)',
    version: packageVersion('@gouvfr/dsfr-chart'),
    files: [
      { pkg: '@gouvfr/dsfr-chart', path: 'dist/BarChart/BarChart.js' },
      { pkg: '@gouvfr/dsfr-chart', path: 'dist/BarChart/BarChart.css' },
    ],
  };
}

/** The same component's UMD build, the README's other way to load it. */
export function dsfrBarChartUmd(): Library {
  return {
    label: 'DSFR Chart `<bar-chart>`, UMD build (BarChart.umd.cjs + BarChart.css)',
    version: packageVersion('@gouvfr/dsfr-chart'),
    files: [
      { pkg: '@gouvfr/dsfr-chart', path: 'dist/BarChart/BarChart.umd.cjs' },
      { pkg: '@gouvfr/dsfr-chart', path: 'dist/BarChart/BarChart.css' },
    ],
  };
}
