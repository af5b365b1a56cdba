import { hasOtherText, otherTextKey } from '../../core/questionnaire/index.js';
import type { AnswerValue, QuestionnaireDefinition } from '../../core/schema/questionnaire.js';
import type { StoredRecord } from '../store/types.js';
import { csvRow } from './csv.js';

/** Columns describing the contribution, before one column per answer key. */
const FIXED_COLUMNS = [
  'siret',
  'siren',
  'nom',
  'type',
  'tranche_population',
  'code_commune',
  'code_epci',
  'code_departement',
  'code_region',
  'role',
  'version',
  'cree_le',
  'mis_a_jour_le',
  'email_contact',
  'verification',
  'verifie_par',
] as const;

/** Whether a portal or ProConnect vouched for the respondent, in the export's words. */
function verificationCell(record: StoredRecord): string {
  return record.verifiedBy === undefined ? 'non_verifiee' : 'verifiee';
}

/** Answer columns in definition order, each question followed by its "other, specify" text when it has one. */
export function answerColumns(definition: QuestionnaireDefinition): string[] {
  return definition.sections.flatMap((section) =>
    section.questions.flatMap((question) => (hasOtherText(question) ? [question.id, otherTextKey(question.id)] : [question.id])),
  );
}

/** Multiple-choice codes are joined with `|`, which no answer code contains. */
function cell(value: AnswerValue | undefined): string | number | undefined {
  return Array.isArray(value) ? value.join('|') : value;
}

/**
 * The raw contributions of a theme as CSV, one row each, for the administrator. Answers that
 * the current definition no longer has (older versions) are left out of the columns.
 */
export function* contributionsCsv(definition: QuestionnaireDefinition, records: Iterable<StoredRecord>): Generator<string> {
  const columns = answerColumns(definition);
  yield csvRow([...FIXED_COLUMNS, ...columns]);
  for (const record of records) {
    const { placement } = record;
    yield csvRow([
      record.siret,
      record.siren,
      placement.name,
      placement.kind,
      placement.band,
      placement.communeCode,
      placement.epciCode,
      placement.departementCode,
      placement.regionCode,
      record.role,
      record.version,
      record.createdAt,
      record.updatedAt,
      record.contactEmail,
      verificationCell(record),
      record.verifiedBy,
      ...columns.map((key) => cell(Object.hasOwn(record.answers, key) ? record.answers[key] : undefined)),
    ]);
  }
}
