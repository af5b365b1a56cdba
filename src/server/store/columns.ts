import type { CollectiviteKind } from '../../core/schema/collectivite.js';
import type { Role } from '../../core/schema/contribution.js';
import type { Answers, ThemeId } from '../../core/schema/questionnaire.js';
import { serializeAnswers } from '../../core/questionnaire/serialize.js';
import type { PopulationBandId } from '../../core/territory/population-band.js';
import type { ContributionInput, Location, PublicationRow } from './types.js';

/**
 * The row shape both databases give a contribution, its history and pending submissions: the
 * same columns in the same order, so the two stores translate records the same way.
 */

/** Where a collectivité sits (its placement but its name), as columns. */
const LOCATION_COLUMNS = ['kind', 'band', 'commune_code', 'epci_code', 'departement_code', 'region_code'] as const;

/** The shared columns, in the order statements list them. */
export const CONTRIBUTION_COLUMNS = [
  'siren',
  'siret',
  'theme',
  'edition',
  'version',
  'role',
  'answers',
  'contact_email',
  'name',
  ...LOCATION_COLUMNS,
  'verified_by',
] as const;

/** The shared columns of one row. Answers are their stable serialisation (JSON text). */
export interface ContributionColumns {
  siren: string;
  siret: string;
  theme: string;
  /** The edition the contribution answers (`2026`). */
  edition: string;
  version: string;
  role: string;
  answers: string;
  contact_email: string | null;
  name: string;
  kind: string;
  band: string | null;
  commune_code: string | null;
  epci_code: string | null;
  departement_code: string | null;
  region_code: string | null;
  /** The portal (or `proconnect`) that vouched for the respondent; null when unverified. */
  verified_by: string | null;
}

export function columnsOf(input: ContributionInput): ContributionColumns {
  const { placement } = input;
  return {
    siren: input.siren,
    siret: input.siret,
    theme: input.theme,
    edition: input.edition,
    version: input.version,
    role: input.role,
    answers: serializeAnswers(input.answers),
    contact_email: input.contactEmail ?? null,
    name: placement.name,
    kind: placement.kind,
    band: placement.band,
    commune_code: placement.communeCode,
    epci_code: placement.epciCode,
    departement_code: placement.departementCode,
    region_code: placement.regionCode,
    verified_by: input.verifiedBy ?? null,
  };
}

/** The shared columns of a wider row (a pending submission's, to write it as the contribution). */
export function columnsFrom(row: ContributionColumns): ContributionColumns {
  return Object.fromEntries(CONTRIBUTION_COLUMNS.map((column) => [column, row[column]])) as unknown as ContributionColumns;
}

export function inputOf(row: ContributionColumns): ContributionInput {
  const input: ContributionInput = {
    siren: row.siren,
    siret: row.siret,
    theme: row.theme as ThemeId,
    edition: row.edition,
    version: row.version,
    role: row.role as Role,
    answers: JSON.parse(row.answers) as Answers,
    placement: { name: row.name, ...locationOf(row) },
  };
  if (row.contact_email !== null) input.contactEmail = row.contact_email;
  if (row.verified_by !== null) input.verifiedBy = row.verified_by;
  return input;
}

/**
 * The columns a publication reads of a contribution or of one of its earlier versions (the
 * contributions and history tables share them), in the order statements list them. `updated_at`
 * is the version's stamp; each store reads it in its own type.
 */
export const PUBLICATION_COLUMNS = ['siren', 'updated_at', ...LOCATION_COLUMNS, 'version', 'answers'] as const;

/** The publication columns of one row, but its stamp (whose type differs between the databases). */
export type PublicationColumns = Pick<
  ContributionColumns,
  'siren' | 'kind' | 'band' | 'commune_code' | 'epci_code' | 'departement_code' | 'region_code' | 'version' | 'answers'
>;

/** A row as a publication counts it, its stamp already read as an ISO string. */
export function publicationRowOf(row: PublicationColumns, updatedAt: string): PublicationRow {
  return { siren: row.siren, updatedAt, ...locationOf(row), version: row.version, answers: JSON.parse(row.answers) as Answers };
}

function locationOf(row: Pick<ContributionColumns, (typeof LOCATION_COLUMNS)[number]>): Location {
  return {
    kind: row.kind as CollectiviteKind,
    band: row.band as PopulationBandId | null,
    communeCode: row.commune_code,
    epciCode: row.epci_code,
    departementCode: row.departement_code,
    regionCode: row.region_code,
  };
}
