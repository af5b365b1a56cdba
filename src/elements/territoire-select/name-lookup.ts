import { isTerritoryId } from '../../core/territory/territory-id.js';
import type { TerritoryChoice } from './choice.js';
import type { TerritorySource } from './territory-source.js';

/**
 * Finds the territory behind an id, to write its name in the field: at once for a territory
 * already listed, else by asking the source. Only the latest lookup ever answers, so a slow
 * answer about a former value cannot overwrite the current one.
 */
export class NameLookup {
  private readonly known = new Map<string, TerritoryChoice>();
  private pending: AbortController | undefined;

  /** Keeps territories seen in a list: naming them later costs no request. */
  remember(choices: readonly TerritoryChoice[]): void {
    for (const choice of choices) this.known.set(choice.id, choice);
  }

  /**
   * Calls `found` with the territory of `id` — synchronously when it is known — or with `null`
   * when the id is malformed, unknown to the source, or the source failed.
   */
  lookup(id: string, source: TerritorySource, found: (choice: TerritoryChoice | null) => void): void {
    this.cancel();
    const known = this.known.get(id);
    if (known) return found(known);
    if (!isTerritoryId(id)) return found(null);
    const controller = new AbortController();
    this.pending = controller;
    const answer = (choice: TerritoryChoice | null) => {
      if (controller.signal.aborted) return;
      this.pending = undefined;
      if (choice) this.known.set(choice.id, choice);
      found(choice);
    };
    source.territory(id, controller.signal).then(answer, () => answer(null));
  }

  /** Drops the lookup in progress; its answer will not be delivered. */
  cancel(): void {
    this.pending?.abort();
    this.pending = undefined;
  }
}
