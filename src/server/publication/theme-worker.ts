import { parentPort } from 'node:worker_threads';
import type { QuestionnaireDefinition, ThemeId } from '../../core/schema/questionnaire.js';
import { defaultReferential } from '../referential/adapter.js';
import type { CountedRows } from './evolution.js';
import { buildLayout } from './layout.js';
import { publishTheme } from './theme.js';

/**
 * A worker thread publishing themes one after the other, so that themes are protected on every
 * core at once. It reads the referential the server uses by default (a copy of its own, read
 * once), and answers each job with the theme's figures or with the error's message.
 */

export interface ThemeJob {
  theme: ThemeId;
  definition: QuestionnaireDefinition;
  counted: CountedRows;
  minCell: number;
}

export type ThemeAnswer = { published: Awaited<ReturnType<typeof publishTheme>> } | { error: string };

const referential = defaultReferential();
const layout = buildLayout(referential);

parentPort!.on('message', (job: ThemeJob) => {
  publishTheme(job.theme, job.definition, job.counted, { referential, layout, minCell: job.minCell }).then(
    (published) => parentPort!.postMessage({ published } satisfies ThemeAnswer),
    (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies ThemeAnswer),
  );
});
