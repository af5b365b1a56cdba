import { gunzipSync, gzipSync } from 'node:zlib';
import type { QuestionnaireDefinition, ThemeId } from '../../core/schema/questionnaire.js';
import type { ServerReferential } from '../referential/port.js';
import type { ContributionStore, PublicationSummary } from '../store/types.js';
import { computePublication, type UnprotectedCell } from './build.js';
import type { Ledger, PublicationFigures } from './figures.js';

/**
 * Makes publications and serves the latest one.
 *
 * Publications are made when none exists yet, on a schedule aligned on the clock (every instance
 * agrees on when the next one is due, which is what caches are told), and on demand. Making one
 * holds the store's publication lock: with PostgreSQL, one instance computes while the others
 * skip that turn. Every instance serves the newest publication stored, checked again at most
 * every {@link REFRESH_MS}.
 */

/** How often an instance looks for a newer publication than the one it serves. */
const REFRESH_MS = 2_000;

/** Publications kept besides the newest; older ones are pruned. */
export const KEPT_PUBLICATIONS = 48;

export interface PublisherOptions {
  store: ContributionStore;
  referential: ServerReferential;
  definitions: Readonly<Record<ThemeId, QuestionnaireDefinition>>;
  minCell: number;
  /** Between scheduled publications, in milliseconds; 0 publishes on demand only. */
  intervalMs: number;
  /** Whether unverified contributions are counted (default); false counts verified ones only. */
  countUnverified?: boolean;
  log: { info(message: string): void; error(message: string): void };
  now?: () => Date;
  /** Told how each attempt ended and how long it took (metrics). */
  observe?: (outcome: PublishOutcome['kind'] | 'failed', seconds: number) => void;
}

/** The outcome of an attempt at publishing. */
export type PublishOutcome =
  | { kind: 'published'; publication: PublicationSummary }
  /** Another instance (or this one) is already computing one. */
  | { kind: 'busy' }
  /** The audit found hidden figures that could be worked out: nothing was published. */
  | { kind: 'refused'; unprotected: UnprotectedCell[] };

/** A publication's id from its date: sortable, and safe in a URL or a file name. */
export function publicationId(publishedAt: string): string {
  return publishedAt.replaceAll(':', '-').replace('.', '-');
}

export class Publisher {
  readonly #options: PublisherOptions;
  readonly #now: () => Date;
  #served: PublicationFigures | undefined;
  #checked = 0;
  #refresh: Promise<PublicationFigures | undefined> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<PublishOutcome> | undefined;
  readonly #closing = new AbortController();

  constructor(options: PublisherOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
  }

  /** When the next scheduled publication is due (none when publishing on demand only). */
  nextScheduled(): Date | undefined {
    const interval = this.#options.intervalMs;
    if (interval <= 0) return undefined;
    return new Date((Math.floor(this.#now().getTime() / interval) + 1) * interval);
  }

  /**
   * Publishes the contributions received so far: after the publication this instance is
   * computing, if any, so that the one returned counts everything received before the call.
   */
  publish(): Promise<PublishOutcome> {
    const after = this.#running?.catch(() => undefined) ?? Promise.resolve();
    const run: Promise<PublishOutcome> = after.then(() => this.#timed()).finally(() => {
      if (this.#running === run) this.#running = undefined;
    });
    this.#running = run;
    return run;
  }

  async #timed(): Promise<PublishOutcome> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const outcome = await this.#publish();
      this.#options.observe?.(outcome.kind, seconds());
      return outcome;
    } catch (error) {
      this.#options.observe?.('failed', seconds());
      throw error;
    }
  }

  async #publish(): Promise<PublishOutcome> {
    const { store, log } = this.#options;
    const attempt = await store.withPublicationLock(async () => {
      const previous = await this.#previousLedger();
      const publishedAt = this.#now().toISOString();
      const id = publicationId(publishedAt);
      const computed = await computePublication({
        id,
        publishedAt,
        minCell: this.#options.minCell,
        referential: this.#options.referential,
        definitions: this.#options.definitions,
        rows: (theme) => store.publicationRows(theme, { countUnverified: this.#options.countUnverified ?? true }),
        ...(previous ? { previous } : {}),
        versionOf: (siren, theme, updatedAt) => store.contributionVersion(siren, theme, updatedAt),
        signal: this.#closing.signal,
        log: (message) => log.info(message),
      });
      if (computed.unprotected.length > 0) {
        for (const cell of computed.unprotected.slice(0, 50)) {
          log.error(
            `publication ${id} refused: ${cell.theme} ${cell.series} ${cell.question}=${cell.code} can be worked out ` +
              `between ${cell.lowest} and ${cell.highest}`,
          );
        }
        return { kind: 'refused', unprotected: computed.unprotected } as const;
      }
      const summary = { id, publishedAt, contributions: computed.figures.contributions };
      await store.savePublication({
        ...summary,
        figures: gzipSync(JSON.stringify(computed.figures)),
        ledger: gzipSync(JSON.stringify(computed.ledger)),
      });
      await store.prunePublications(KEPT_PUBLICATIONS + 1);
      this.#served = computed.figures;
      this.#checked = Date.now();
      log.info(`publication ${id}: ${summary.contributions} contributions published`);
      return { kind: 'published', publication: summary } as const;
    });
    return attempt.ran ? attempt.value : { kind: 'busy' };
  }

  /** What the newest publication counted, unless it counted nothing. */
  async #previousLedger(): Promise<Ledger | undefined> {
    const { store } = this.#options;
    const newest = await store.latestPublication();
    if (newest === undefined || newest.contributions === 0) return undefined;
    const record = await store.publication(newest.id);
    return record && (JSON.parse(gunzipSync(record.ledger).toString('utf8')) as Ledger);
  }

  /** When the publication this instance serves was made, if it serves one. */
  servedAt(): Date | undefined {
    return this.#served === undefined ? undefined : new Date(this.#served.publishedAt);
  }

  /** The newest stored publication's figures, if any. */
  async latest(): Promise<PublicationFigures | undefined> {
    if (this.#served !== undefined && Date.now() - this.#checked < REFRESH_MS) return this.#served;
    this.#refresh ??= this.#load().finally(() => (this.#refresh = undefined));
    return this.#refresh;
  }

  async #load(): Promise<PublicationFigures | undefined> {
    const { store } = this.#options;
    const newest = await store.latestPublication();
    this.#checked = Date.now();
    if (newest === undefined || newest.id === this.#served?.id) return this.#served;
    const record = await store.publication(newest.id);
    if (record === undefined) return this.#served;
    this.#served = JSON.parse(gunzipSync(record.figures).toString('utf8')) as PublicationFigures;
    return this.#served;
  }

  /**
   * Publishes at once when nothing is published yet, then on schedule. Runs in the background:
   * requests are served meanwhile (results answer 503 until the first publication exists).
   */
  start(): void {
    void (async () => {
      try {
        if ((await this.latest()) === undefined) await this.#report(this.publish());
      } catch (error) {
        this.#options.log.error(`first publication failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      this.#schedule();
    })();
  }

  #schedule(): void {
    const next = this.nextScheduled();
    if (next === undefined || this.#closing.signal.aborted) return;
    this.#timer = setTimeout(() => {
      void this.#report(this.publish()).finally(() => this.#schedule());
    }, Math.max(0, next.getTime() - this.#now().getTime()));
    this.#timer.unref();
  }

  async #report(outcome: Promise<PublishOutcome>): Promise<void> {
    try {
      await outcome;
    } catch (error) {
      this.#options.log.error(`publication failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Stops the schedule, and a publication being computed, within a linear program or so. */
  async stop(): Promise<void> {
    this.#closing.abort();
    clearTimeout(this.#timer);
    await this.#running?.catch(() => undefined);
  }
}
