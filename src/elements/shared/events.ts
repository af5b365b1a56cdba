import type { TerritoryKind } from '../../core/territory/territory-id.js';

/** `detail` of `barometre-error`, whichever element fires it: a stable machine code and a message for people. */
export interface BarometreErrorDetail {
  /** `network`, `timeout`, `invalid_results`, `http_<status>`, the API's own `error` code… */
  code: string;
  /** For people, in the element's language. */
  message: string;
}

/** `detail` of `barometre-territoire-select`: one shape for the picker and the map, so one listener serves both. */
export interface TerritoireSelectDetail<K extends TerritoryKind = TerritoryKind> {
  /** Territory id, e.g. `commune:35238`, `departement:35`. */
  territoire: string;
  /** Official name, e.g. `Rennes`. */
  name: string;
  kind: K;
}

/** Dispatches an event that bubbles out of shadow roots, as every Baromètre event does. */
export function emit<T>(target: EventTarget, type: string, detail: T): void {
  target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
}
