import { gunzipSync, gzipSync } from 'node:zlib';
import type { EditionCatalogue } from '../../core/editions/catalogue.js';
import type { QuestionnaireDefinition, ThemeId } from '../../core/schema/questionnaire.js';
import type { ServerReferential } from '../referential/port.js';
import type { ContributionStore, PublicationSummary } from '../store/types.js';
import { computePublication, type UnprotectedCell } from './build.js';
import type { Ledger, PublicationFigures } from './figures.js';

/**
 * Makes publications and serves the latest one of each edition.
 *
 * A publication counts the contributions of one edition. The current edition's are made when
 * none exists yet, on a schedule aligned on the clock (every instance agrees on when the next one
 * is due, which is what caches are told), and on demand. The previous edition gets one more, its
 * final publication, once all its waves have closed, and keeps it: it is made after the current
 * edition's first one, so a server starting empty shows this year's figures first. Making one
 * holds the store's publication lock: with PostgreSQL, one instance computes while the others
 * skip that turn. Every instance serves the newest publication stored of each edition, checked
 * again at most every {@link REFRESH_MS}.
 */

/** How often an instance looks for a newer publication than the one it serves. */
const REFRESH_MS = 2_000;

/** Publications kept besides the newest; older ones are pruned. */
export const KEPT_PUBLICATIONS = 48;

export interface PublisherOptions {
  store: ContributionStore;
  referential: ServerReferential;
  definitions: Readonly<Record<ThemeId, QuestionnaireDefinition>>;
  /** The survey's editions: which one is current, which came before. */
  editions: EditionCatalogue;
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
  /** Per edition: the publication served, when it was last checked, and a reading under way. */
  readonly #served = new Map<string, PublicationFigures>();
  readonly #checked = new Map<string, number>();
  readonly #refresh = new Map<string, Promise<PublicationFigures | undefined>>();
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

  /** The edition shown when none is asked for. */
  currentEdition(): string {
    return this.#options.editions.current(this.#now()).id;
  }

  /**
   * Publishes the contributions of an edition (the current one by default) received so far:
   * after the publication this instance is computing, if any, so that the one returned counts
   * everything received before the call.
   */
  publish(edition?: string): Promise<PublishOutcome> {
    const after = this.#running?.catch(() => undefined) ?? Promise.resolve();
    const run: Promise<PublishOutcome> = after.then(() => this.#timed(edition ?? this.currentEdition())).finally(() => {
      if (this.#running === run) this.#running = undefined;
    });
    this.#running = run;
    return run;
  }

  async #timed(edition: string): Promise<PublishOutcome> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const outcome = await this.#publish(edition);
      this.#options.observe?.(outcome.kind, seconds());
      return outcome;
    } catch (error) {
      this.#options.observe?.('failed', seconds());
      throw error;
    }
  }

  async #publish(edition: string): Promise<PublishOutcome> {
    const { store, log } = this.#options;
    const attempt = await store.withPublicationLock(async () => {
      const previous = await this.#previousLedger(edition);
      const publishedAt = this.#now().toISOString();
      const id = publicationId(publishedAt);
      const computed = await computePublication({
        id,
        publishedAt,
        edition,
        minCell: this.#options.minCell,
        referential: this.#options.referential,
        definitions: this.#options.definitions,
        rows: (theme) => store.publicationRows(theme, { edition, countUnverified: this.#options.countUnverified ?? true }),
        ...(previous ? { previous } : {}),
        versionOf: (siren, theme, updatedAt) => store.contributionVersion(siren, theme, edition, updatedAt),
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
      const summary = { id, publishedAt, edition, contributions: computed.figures.contributions };
      await store.savePublication({
        ...summary,
        figures: gzipSync(JSON.stringify(computed.figures)),
        ledger: gzipSync(JSON.stringify(computed.ledger)),
      });
      await store.prunePublications(KEPT_PUBLICATIONS + 1, edition);
      this.#served.set(edition, computed.figures);
      this.#checked.set(edition, Date.now());
      log.info(`publication ${id} (edition ${edition}): ${summary.contributions} contributions published`);
      return { kind: 'published', publication: summary } as const;
    });
    return attempt.ran ? attempt.value : { kind: 'busy' };
  }

  /** What the newest publication of the edition counted, unless it counted nothing. */
  async #previousLedger(edition: string): Promise<Ledger | undefined> {
    const { store } = this.#options;
    const newest = await store.latestPublication(edition);
    if (newest === undefined || newest.contributions === 0) return undefined;
    const record = await store.publication(newest.id);
    return record && (JSON.parse(gunzipSync(record.ledger).toString('utf8')) as Ledger);
  }

  /** When the publication of the current edition this instance serves was made, if it serves one. */
  servedAt(): Date | undefined {
    const served = this.#served.get(this.currentEdition());
    return served === undefined ? undefined : new Date(served.publishedAt);
  }

  /** The newest stored publication's figures of an edition (the current one by default), if any. */
  async latest(edition: string = this.currentEdition()): Promise<PublicationFigures | undefined> {
    const served = this.#served.get(edition);
    if (served !== undefined && Date.now() - (this.#checked.get(edition) ?? 0) < REFRESH_MS) return served;
    let refresh = this.#refresh.get(edition);
    if (refresh === undefined) {
      refresh = this.#load(edition).finally(() => this.#refresh.delete(edition));
      this.#refresh.set(edition, refresh);
    }
    return refresh;
  }

  async #load(edition: string): Promise<PublicationFigures | undefined> {
    const { store } = this.#options;
    const newest = await store.latestPublication(edition);
    this.#checked.set(edition, Date.now());
    const served = this.#served.get(edition);
    if (newest === undefined || newest.id === served?.id) return served;
    const record = await store.publication(newest.id);
    if (record === undefined) return served;
    // Figures stored before editions were recorded name none: the row says which it is.
    const figures = { ...(JSON.parse(gunzipSync(record.figures).toString('utf8')) as PublicationFigures), edition: record.edition };
    this.#served.set(edition, figures);
    return figures;
  }

  /**
   * Publishes the current edition at once when nothing of it is published yet, then the previous
   * edition's final publication if it is due, then on schedule. Runs in the background: requests
   * are served meanwhile (results answer 503 until the first publication exists).
   */
  start(): void {
    void (async () => {
      try {
        if ((await this.latest()) === undefined) await this.#report(this.publish());
        await this.#publishFinal();
      } catch (error) {
        this.#options.log.error(`first publication failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      this.#schedule();
    })();
  }

  /**
   * The previous edition's final publication: once all its waves have closed, one publication
   * made after the last closing, if it has contributions and none was made since.
   */
  async #publishFinal(): Promise<void> {
    const { editions, store, definitions } = this.#options;
    const previous = editions.previous(this.currentEdition());
    if (previous === undefined || this.#closing.signal.aborted) return;
    const themes = Object.keys(definitions) as ThemeId[];
    const closed = Math.max(...themes.map((theme) => editions.wave(previous, theme).closesAt.getTime()));
    if (closed > this.#now().getTime()) return;
    const newest = await store.latestPublication(previous.id);
    if (newest !== undefined && Date.parse(newest.publishedAt) >= closed) return;
    if ((await store.count(undefined, previous.id)) === 0) return;
    await this.#report(this.publish(previous.id));
  }

  #schedule(): void {
    const next = this.nextScheduled();
    if (next === undefined || this.#closing.signal.aborted) return;
    this.#timer = setTimeout(() => {
      void this.#report(this.publish())
        .then(() => this.#publishFinal())
        .catch((error: unknown) => this.#options.log.error(`final publication failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => this.#schedule());
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
