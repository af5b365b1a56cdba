import type { CollectiviteSummary } from '../../core/api/schemas.js';
import type { Unreachable } from './refused-apis.js';

/**
 * Where the lookup of the typed SIRET stands.
 * - `unknown`: the API answered that this SIRET may not answer — no collectivité has it, it is a
 *   grouping the server cannot place, or a body outside the survey (a CCAS, a company) — with a
 *   message saying which;
 * - `unverified`: it could not be asked (no network, no API, or an API that does not answer this
 *   page, `why`): the respondent may go on, the server checks the SIRET on receipt.
 */
export type Lookup =
  | { state: 'idle' }
  | { state: 'pending'; siret: string }
  | { state: 'found'; siret: string; collectivite: CollectiviteSummary }
  | { state: 'unknown'; siret: string; message: string }
  | { state: 'unverified'; siret: string; why: Unreachable };
