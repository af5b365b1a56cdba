/**
 * Figures that passed a quick look and are drawn at once, with the full check of their contract
 * still to run. The check waits until the first frame is painted: the schema library and its
 * walk over every figure then cost nothing before the first bar. `verify` rejects with the
 * refusal the element then shows in place of the figures.
 */
export class Unverified<D> {
  constructor(
    readonly figures: D,
    readonly verify: () => Promise<void>,
  ) {}
}
