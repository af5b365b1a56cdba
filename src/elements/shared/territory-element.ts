import { property } from 'lit/decorators.js';
import { BarometreElement } from './barometre-element.js';

/** Base of the elements that follow a territory: a picker, and every element showing figures. */
export class TerritoryElement extends BarometreElement {
  /** Territory id (e.g. `departement:35`); inherited from `<barometre-provider>` when absent. */
  @property() territoire?: string;

  /** The territory in force: own attribute, then the provider's; `undefined` when neither names one. */
  protected get effectiveTerritoire(): string | undefined {
    return this.territoire?.trim() || this.config.territoire?.trim() || undefined;
  }
}
