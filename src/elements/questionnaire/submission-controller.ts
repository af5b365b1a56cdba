import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SubmitResult } from '../../core/api/client.js';
import type { OutboxEntry, OutboxEvent } from '../../core/api/outbox.js';
import { submissionOutbox, type SubmissionPayload } from './submissions.js';

/**
 * The element's side of the page's outbox: it listens while on the page, and its arrival is the
 * moment to deliver what an earlier visit left waiting. What a delivery means for the element
 * is the host's business (`onEvent`); this only connects the two.
 */
export class SubmissionController implements ReactiveController {
  private unsubscribe?: () => void;

  constructor(
    host: ReactiveControllerHost,
    private readonly onEvent: (event: OutboxEvent<SubmissionPayload, SubmitResult>) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const outbox = submissionOutbox();
    this.unsubscribe = outbox.subscribe(this.onEvent);
    void outbox.flush({ force: true });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Puts a contribution in the outbox; returns its entry's id, which its events carry. */
  send(payload: SubmissionPayload): string {
    return submissionOutbox().enqueue(payload).id;
  }

  /** Tries every waiting contribution again now (the retry button). */
  retry(): void {
    void submissionOutbox().flush({ force: true });
  }

  /** A contribution of this theme already waiting, for this SIRET when one is known. */
  waiting(theme: string, siret: string | undefined): OutboxEntry<SubmissionPayload> | undefined {
    return submissionOutbox()
      .entries()
      .find((entry) => entry.payload.theme === theme && (siret === undefined || entry.payload.siret === siret));
  }
}
