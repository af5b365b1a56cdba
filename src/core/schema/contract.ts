import * as z from 'zod/mini';
import { MACHINE_ID } from './patterns.js';

/**
 * The parts of the error contract every schema needs, kept apart from the message tables of
 * errors.ts: a browser that only validates never downloads those tables.
 */

/** One message about one field. `path` joins keys with dots (`answers.has_rssi`); `''` is the whole value. */
export const FieldError = z.object({
  path: z.string(),
  message: z.string().check(z.minLength(1)),
});
export type FieldError = z.infer<typeof FieldError>;

/**
 * The body of every API error response. `error` is a stable machine code clients branch on;
 * `message` is for people, in the language the request asked for.
 */
export const ApiErrorBody = z.object({
  error: z.string().check(z.regex(MACHINE_ID)),
  message: z.string().check(z.minLength(1)),
  details: z.optional(
    z.looseObject({
      /** Present when the request body failed validation. */
      fields: z.optional(z.array(FieldError)),
    }),
  ),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** The `error` code of a body that failed schema validation. */
export const VALIDATION_FAILED = 'validation_failed';

/**
 * Rules of the data contract that go beyond shapes. Schemas raise them as custom issues with
 * `params: { rule, ... }` so that each gets a message of its own here.
 */
export const CONTRACT_RULES = [
  'siret',
  'siret_not_normalised',
  'updated_before_created',
  'status_updated_at',
  'territory_id',
  'territory_id_kind',
  'series_role_kind',
  'territoire_is_group',
  'status_values',
  'published_without_values',
  'weighted_count',
  'ci_excludes_share',
  'count_above_n',
  'question_n_above_series_n',
  'effective_n_above_n',
  'below_min_cell',
] as const;
export type ContractRule = (typeof CONTRACT_RULES)[number];

export function isContractRule(value: unknown): value is ContractRule {
  return (CONTRACT_RULES as readonly unknown[]).includes(value);
}

/** Values a rule's message is built from. */
export type RuleValues = Record<string, string | number | boolean | string[]>;

/** Params of a custom issue raised for a contract rule. */
export type ContractIssueParams = { rule: ContractRule } & RuleValues;

/** Builds the argument of `ctx.addIssue` for a broken contract rule. */
export function contractIssue(rule: ContractRule, input: unknown, path: PropertyKey[] = [], values: RuleValues = {}) {
  const params: ContractIssueParams = { ...values, rule };
  // The rule also stands as zod's own message, so even a raw issue never just says "Invalid input".
  return { code: 'custom' as const, input, path, message: rule, params };
}

/** Reports a broken rule, at a path below the value being checked. */
export type ReportRule = (rule: ContractRule, path?: PropertyKey[], values?: RuleValues) => void;

/**
 * A refinement checking contract rules on a value whose shape is already valid:
 * `schema.check(contractRefinement((value, report) => { if (…) report('rule', ['field']); }))`.
 */
export function contractRefinement<T>(check: (value: T, report: ReportRule) => void) {
  return z.superRefine<T>((value, ctx) => {
    check(value, (rule, path = [], values = {}) => ctx.addIssue(contractIssue(rule, value, path, values)));
  });
}
