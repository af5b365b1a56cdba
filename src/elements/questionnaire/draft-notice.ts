import type { BarometreDraftSavedDetail } from './events.js';

/** How long typing must pause before a saved draft is said: about the gap between two words. */
export const DRAFT_NOTICE_DELAY_MS = 1000;

/**
 * Says that the draft was saved — the status line and `barometre-draft-saved` — once the changes
 * pause, not on every keystroke: the draft itself is written at once (a crash one keystroke later
 * loses nothing), but eight announcements in a tenth of a second would drown a screen reader and
 * a page's listener. What is said is the last save of the burst.
 */
export class DraftNotice {
  private timer?: ReturnType<typeof setTimeout>;
  private pending?: { detail: BarometreDraftSavedDetail; quiet: boolean };

  /** `say` is told of a save; `quiet`: only the event, the status line has better news to keep. */
  constructor(
    private readonly say: (detail: BarometreDraftSavedDetail, quiet: boolean) => void,
    private readonly delayMs = DRAFT_NOTICE_DELAY_MS,
  ) {}

  /** A save was made: said once no other follows within the delay. Quiet only if every save of the burst was. */
  saved(detail: BarometreDraftSavedDetail, quiet: boolean): void {
    this.pending = { detail, quiet: quiet && (this.pending?.quiet ?? true) };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  /** Says the pending save now (the step changes, the answers leave): nothing when there is none. */
  flush(): void {
    clearTimeout(this.timer);
    const pending = this.pending;
    this.pending = undefined;
    if (pending) this.say(pending.detail, pending.quiet);
  }

  /** Forgets the pending save unsaid: what it would say no longer holds (the answers were cleared). */
  cancel(): void {
    clearTimeout(this.timer);
    this.pending = undefined;
  }
}
