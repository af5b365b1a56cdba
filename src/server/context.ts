import type { AttestationVerifier } from './attestation/verify.js';
import type { EditionCatalogue } from '../core/editions/catalogue.js';
import type { QuestionnaireDefinition, ThemeId } from '../core/schema/questionnaire.js';
import type { ServerConfig } from './config.js';
import type { FaultLog } from './health/fault-log.js';
import type { Publisher } from './publication/publisher.js';
import type { PublicationReader } from './publication/read.js';
import type { ServerReferential } from './referential/port.js';
import type { SiretResolver } from './referential/siret-resolver.js';
import type { ContributionStore } from './store/types.js';

/** What every route works with, built once by `createServer`. */
export interface ServerContext {
  config: ServerConfig;
  store: ContributionStore;
  referential: ServerReferential;
  /** Who a SIRET is: a collectivité that may answer, or why not. */
  siretResolver: SiretResolver;
  /** The questionnaire served for each theme; contributions are validated against it. */
  definitions: Readonly<Record<ThemeId, QuestionnaireDefinition>>;
  /**
   * Definitions of versions earlier editions asked that are no longer served: a collectivité's
   * earlier answers are read with them (`questionnaire-versions.ts`).
   */
  earlierDefinitions: readonly QuestionnaireDefinition[];
  /** The survey's editions and their waves: which edition a theme takes answers for now. */
  editions: EditionCatalogue;
  /** The clock every rule about dates reads (waves open and close): tests set it. */
  now: () => Date;
  /** Makes publications and holds the latest, which every public figure comes from. */
  publisher: Publisher;
  reader: PublicationReader;
  /** Checks the attestations of OPSN portals (and of ProConnect sign-ins). */
  attestations: AttestationVerifier;
  /** The package version, reported by `/health`. */
  version: string;
  /** The last fault of the machine requests met, for readiness. */
  faults: FaultLog;
  /** Whether the instance is stopping (SIGTERM): it answers no new request then. */
  shuttingDown: () => boolean;
}
