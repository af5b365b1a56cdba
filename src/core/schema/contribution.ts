import * as z from 'zod/mini';
import { validateSiret } from '../siret.js';
import { contractRefinement } from './contract.js';
import { EditionId } from './edition.js';
import { Answers, QuestionnaireDefinition, ThemeId } from './questionnaire.js';

/**
 * A collectivité's contribution to one theme: what the questionnaire element sends, what the
 * server stores (one per SIRET and theme), and what the server says about it.
 */

/** Respondents say whether they are staff (agent) or an elected official (élu). */
export const ROLES = ['agent', 'elu'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/**
 * A SIRET as stored and exchanged: 14 digits without separators, check digit verified.
 * Forms accept separators and normalise them away with `validateSiret` before sending.
 */
export const Siret = z.string().check(
  contractRefinement((value, report) => {
    const result = validateSiret(value);
    if (!result.ok) {
      const { kind, reason, digitCount, invalidCharacters } = result;
      report('siret', [], { kind, reason, digitCount, invalidCharacters });
    } else if (result.value !== value) {
      report('siret_not_normalised', [], { expected: result.value });
    }
  }),
);
export type Siret = z.infer<typeof Siret>;

/** The questionnaire version a contribution answers, in the definitions' own format. */
export const QuestionnaireVersion = QuestionnaireDefinition.shape.version;

/**
 * An optional address to reach the respondent about their contribution. It is the only
 * personal data collected (RGPD: minimum needed), is never published, and is kept only as long
 * as the contribution is.
 */
export const ContactEmail = z.email().check(z.maxLength(254));

/** The body a questionnaire sends; SIRET and theme travel in the request path. */
export const ContributionSubmission = z.strictObject({
  role: Role,
  version: QuestionnaireVersion,
  answers: Answers,
  contactEmail: z.optional(ContactEmail),
});
export type ContributionSubmission = z.infer<typeof ContributionSubmission>;

/** An ISO 8601 instant in UTC, as `Date.prototype.toISOString` writes it. */
const Timestamp = z.iso.datetime();

/** A contribution as the server keeps it: the latest answers of one collectivité on one theme. */
export const StoredContribution = z
  .strictObject({
    siret: Siret,
    theme: ThemeId,
    version: QuestionnaireVersion,
    role: Role,
    answers: Answers,
    contactEmail: z.optional(ContactEmail),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .check(
    contractRefinement((contribution, report) => {
      if (Date.parse(contribution.updatedAt) < Date.parse(contribution.createdAt)) {
        report('updated_before_created', ['updatedAt']);
      }
    }),
  );
export type StoredContribution = z.infer<typeof StoredContribution>;

/**
 * Whether a collectivité already answered a theme, so a respondent knows a colleague did
 * before overwriting it. Never who nor what; the reference API does not say when either (the
 * date would tell whose answers moved the published figures), but a status that gives it is
 * still read.
 */
export const ContributionStatus = z
  .strictObject({
    exists: z.boolean(),
    updatedAt: z.optional(Timestamp),
    /**
     * The previous edition, when the collectivité answered the theme in it: its answers may be
     * taken up (`GET /contributions/:siret/:theme/precedente`).
     */
    previous: z.optional(z.strictObject({ edition: EditionId })),
  })
  .check(
    contractRefinement((status, report) => {
      if (!status.exists && status.updatedAt !== undefined) {
        report('status_updated_at', ['updatedAt'], { exists: status.exists });
      }
    }),
  );
export type ContributionStatus = z.infer<typeof ContributionStatus>;
