import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { QuestionnaireDefinition, ThemeId } from '../../core/schema/questionnaire.js';
import type { CountedRows } from './evolution.js';
import type { ThemeAnswer, ThemeJob } from './theme-worker.js';
import { publishTheme, type PublishedTheme, type ThemeContext } from './theme.js';

/**
 * Publishes themes on every core: as many worker threads as the machine has cores (at most one
 * per theme), each taking the next theme when done. Themes are independent, so the publication
 * is the same as computed one after the other (`npm run bench:secrecy` and the tests compare).
 * Workers read the default referential: with another one (tests injecting their own), on a
 * single core, or for a small publication (where starting workers would cost more than they
 * save), themes are published here, in turn.
 */

/** Contributions from which themes are published in workers. */
export const PARALLEL_FROM = 2_000;

export interface ThemeTask {
  theme: ThemeId;
  definition: QuestionnaireDefinition;
  counted: CountedRows;
}

/** One worker and the jobs it runs, one at a time. */
class Lane {
  readonly #worker = new Worker(new URL('./theme-worker.mjs', import.meta.url));
  readonly #failed: Promise<never>;
  readonly #stop = () => void this.#worker.terminate();
  readonly #signal: AbortSignal | undefined;

  constructor(signal: AbortSignal | undefined) {
    this.#signal = signal;
    this.#failed = new Promise((_resolve, reject) => {
      this.#worker.once('error', reject);
      this.#worker.once('exit', (code) => reject(signal?.reason ?? new Error(`A publication worker stopped (exit code ${code})`)));
    });
    // Awaited through `run`; a lane left idle must not report an unhandled rejection.
    this.#failed.catch(() => undefined);
    signal?.addEventListener('abort', this.#stop, { once: true });
  }

  run(job: ThemeJob): Promise<PublishedTheme> {
    const answered = new Promise<PublishedTheme>((resolve, reject) => {
      this.#worker.once('message', (answer: ThemeAnswer) => ('published' in answer ? resolve(answer.published) : reject(new Error(answer.error))));
    });
    this.#worker.postMessage(job);
    return Promise.race([answered, this.#failed]);
  }

  close(): Promise<number> {
    // The signal lives as long as the publisher: a lane must not leave a listener on it.
    this.#signal?.removeEventListener('abort', this.#stop);
    return this.#worker.terminate();
  }
}

/**
 * Publishes every task, calling `done` as each theme is ready (in the order they finish).
 * @param parallel whether the context's referential is the default one workers can read
 * @param parallelFrom contributions from which workers are used
 */
export async function publishThemes(
  tasks: readonly ThemeTask[],
  context: ThemeContext,
  parallel: boolean,
  done: (task: ThemeTask, published: PublishedTheme) => void,
  parallelFrom = PARALLEL_FROM,
): Promise<void> {
  const contributions = tasks.reduce((total, task) => total + task.counted.rows.length, 0);
  const width = parallel && contributions >= parallelFrom ? Math.min(availableParallelism(), tasks.length) : 1;
  if (width <= 1) {
    for (const task of tasks) {
      context.signal?.throwIfAborted();
      done(task, await publishTheme(task.theme, task.definition, task.counted, context));
    }
    return;
  }
  const queue = [...tasks];
  const lane = async () => {
    const worker = new Lane(context.signal);
    try {
      for (let task = queue.shift(); task !== undefined; task = queue.shift()) {
        context.signal?.throwIfAborted();
        done(task, await worker.run({ theme: task.theme, definition: task.definition, counted: task.counted, minCell: context.minCell }));
      }
    } finally {
      await worker.close();
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
}
