import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SubmitResult } from '../../core/api/client.js';
import type { Outbox, OutboxEntry, OutboxEvent } from '../../core/api/outbox.js';
import { afterPaint } from '../shared/after-paint.js';
import { lazy } from '../shared/lazy.js';
import type { SubmissionPayload } from './submissions.js';

type PageOutbox = Outbox<SubmissionPayload, SubmitResult>;

/**
 * The outbox's code (queue, retries, delivery), loaded once the element's first screen is painted:
 * a first visit has nothing waiting, and nothing to send before its definition is here.
 */
const loadOutbox = lazy(() => import('./submissions.js').then((module) => module.submissionOutbox()));

/**
 * The element's side of the page's outbox: it listens while on the page, and its arrival is the
 * moment to deliver what an earlier visit left waiting. What a delivery means for the element
 * is the host's business (`onEvent`); this only connects the two.
 */
export class SubmissionController implements ReactiveController {
  private unsubscribe?: () => void;
  private connected = false;
  private outbox?: PageOutbox;

  constructor(
    host: ReactiveControllerHost,
    private readonly onEvent: (event: OutboxEvent<SubmissionPayload, SubmitResult>) => void,
  ) {
    host.addController(this);
  }

  /** Resolves once the outbox is here (the element waits for it with its definition). */
  ready(): Promise<void> {
    return loadOutbox().then((outbox) => {
      this.outbox = outbox;
      this.listen();
    });
  }

  hostConnected(): void {
    this.connected = true;
    if (this.outbox) return this.listen();
    void afterPaint().then(() => this.ready().catch(() => undefined));
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private listen(): void {
    const outbox = this.outbox;
    if (!outbox || !this.connected || this.unsubscribe) return;
    this.unsubscribe = outbox.subscribe(this.onEvent);
    void outbox.flush({ force: true });
  }

  /** Puts a contribution in the outbox; returns its entry's id, which its events carry. Only once {@link ready}. */
  send(payload: SubmissionPayload): string {
    return this.loaded().enqueue(payload).id;
  }

  /** Tries every waiting contribution again now (the retry button). */
  retry(): void {
    void this.outbox?.flush({ force: true });
  }

  /** A contribution of this theme already waiting, for this SIRET when one is known. Only once {@link ready}. */
  waiting(theme: string, siret: string | undefined): OutboxEntry<SubmissionPayload> | undefined {
    return this.loaded()
      .entries()
      .find((entry) => entry.payload.theme === theme && (siret === undefined || entry.payload.siret === siret));
  }

  private loaded(): PageOutbox {
    if (!this.outbox) throw new Error('The outbox is not loaded yet');
    return this.outbox;
  }
}
