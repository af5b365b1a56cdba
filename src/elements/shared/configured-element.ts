import { property } from 'lit/decorators.js';
import { ponderationIn, type Ponderation } from './config-context.js';
import { TerritoryElement } from './territory-element.js';

/**
 * Every setting a provider shares: language, API, territory and weighting. Base of the elements
 * that show figures, which read them all.
 */
export class ConfiguredElement extends TerritoryElement {
  /** `brute` (raw shares) or `redressee` (weighted); inherited from the provider, then `brute`. */
  @property() ponderation?: Ponderation;

  /** The weighting in force: own attribute (when it is a known value), then the provider's, then `brute`. */
  protected get effectivePonderation(): Ponderation {
    return ponderationIn(this.ponderation, this.config);
  }
}
