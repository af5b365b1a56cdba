import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, NetworkError } from '../../core/api/errors.js';
import type { ContributionStatus } from '../../core/schema/contribution.js';
import type { Lang } from '../../core/schema/text.js';
import { apiClient } from './api-loader.js';
import { loadKindLabels } from './kind-labels.js';
import { whyUnreachable } from './unreachable.js';
import type { Lookup } from './lookup.js';
import { t } from './messages.js';

/** What a lookup asks about: the SIRET (valid, or undefined), and where and for which theme to ask. */
export interface LookupRequest {
  siret: string | undefined;
  api: string | undefined;
  theme: string | undefined;
  lang: Lang;
}

/**
 * Asks the API who a typed SIRET belongs to and whether it already answered the theme, as soon
 * as the SIRET is valid. A newer SIRET aborts the previous question, so a late answer never
 * describes another collectivité. Leaving the page stops a question under way; the host asks
 * again when it comes back.
 */
export class LookupController implements ReactiveController {
  /** Where the lookup stands; the host renders from it. */
  lookup: Lookup = { state: 'idle' };
  /** The collectivité's earlier contribution to this theme, once known. */
  existing?: ContributionStatus;
  /** Settles when the current lookup does (at once when none is under way): "next" waits for it. */
  done: Promise<void> = Promise.resolve();

  private abort?: AbortController;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    if (this.lookup.state !== 'pending') return;
    this.abort?.abort();
    this.set({ state: 'idle' });
  }

  /** Forgets everything: a new respondent, or a SIRET no longer valid. */
  reset(): void {
    this.abort?.abort();
    this.existing = undefined;
    this.done = Promise.resolve();
    this.set({ state: 'idle' });
  }

  /** Looks the SIRET up, unless this very SIRET is already looked up or under way. */
  start({ siret, api, theme, lang }: LookupRequest): void {
    if (siret === undefined) return this.reset();
    if (this.lookup.state !== 'idle' && this.lookup.siret === siret) return;
    this.abort?.abort();
    this.existing = undefined;
    if (!api || theme === undefined) {
      this.done = Promise.resolve();
      return this.set({ state: 'unverified', siret, why: 'offline' });
    }
    const abort = new AbortController();
    this.abort = abort;
    this.set({ state: 'pending', siret });
    this.done = this.ask(siret, api, theme, lang, abort.signal);
  }

  private async ask(siret: string, api: string, theme: string, lang: Lang, signal: AbortSignal): Promise<void> {
    const client = await apiClient({ baseUrl: api, lang });
    try {
      const [collectivite] = await Promise.all([client.collectivite(siret, { signal }), loadKindLabels()]);
      if (signal.aborted) return;
      this.set({ state: 'found', siret, collectivite });
    } catch (error) {
      if (signal.aborted) return;
      // 400 malformed, 404 unknown (or a grouping the server cannot place), 422 out of the survey's scope: the server's words say which.
      const refused = error instanceof ApiError && (error.status === 404 || error.status === 400 || error.status === 422);
      if (refused) return this.set({ state: 'unknown', siret, message: error.message || t(lang, 'siret_unknown') });
      // No answer at all: the network, or a server that does not answer this page (see reachability.ts).
      const why = error instanceof NetworkError && !error.timedOut ? await whyUnreachable(api) : 'offline';
      if (signal.aborted) return;
      this.set({ state: 'unverified', siret, why });
      return;
    }
    try {
      const existing = await client.contributionStatus(siret, theme, { signal });
      if (signal.aborted) return;
      this.existing = existing;
      this.host.requestUpdate();
    } catch {
      // Not knowing about an earlier contribution only loses a warning: the server still keeps it safe.
    }
  }

  private set(lookup: Lookup): void {
    this.lookup = lookup;
    this.host.requestUpdate();
  }
}
