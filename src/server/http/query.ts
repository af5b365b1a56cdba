import * as z from 'zod';
import { parseTerritoryId, type TerritoryId } from '../../core/territory/territory-id.js';
import { ApiError, type MessageParams } from './errors.js';
import { apiMessages } from './messages.js';

/**
 * Query strings read through schemas. A route lists its parameters, each a zod schema with the
 * {@link ApiError} its failure answers; {@link parseQuery} checks them in the order listed, so the
 * first wrong parameter is the one reported. A parameter given twice counts once (the first value
 * wins), except a list, whose repeated values add up.
 */
export interface QueryParam<T> {
  schema: z.ZodType<T>;
  /** The answer to a value the schema refuses, given that value. */
  error(value: string | undefined): ApiError;
  /** Whether repeated values are joined by commas (`a=1&a=2` reads as `a=1,2`) rather than the first kept. */
  list?: boolean;
}

/** 400 for a query parameter whose value is not accepted, saying what is. */
export function invalidQuery(param: string, reason: 'reason_limit' | 'reason_enum' | 'reason_list' | 'reason_required', values: MessageParams): ApiError {
  return new ApiError(400, 'invalid_query', {
    message: (lang) => apiMessages(lang, 'invalid_query', { param, reason: apiMessages(lang, reason, values) }),
    details: { param },
  });
}

/** What a query's parameters read as. */
export type QueryOf<P extends Record<string, QueryParam<unknown>>> = { [K in keyof P]: P[K] extends QueryParam<infer T> ? T : never };

/** Reads `query` (as Fastify parses it) through `params`, or throws the first wrong parameter's answer. */
export function parseQuery<P extends Record<string, QueryParam<unknown>>>(params: P, query: unknown): QueryOf<P> {
  const raw = (query ?? {}) as Record<string, string | string[] | undefined>;
  const values: Record<string, unknown> = {};
  for (const [name, param] of Object.entries(params)) {
    const given = raw[name];
    const value = Array.isArray(given) ? (param.list ? given.join(',') : given[0]) : given;
    const parsed = param.schema.safeParse(value);
    if (!parsed.success) throw param.error(value);
    values[name] = parsed.data;
  }
  return values as QueryOf<P>;
}

/** An empty parameter (`?type=`) counts as absent. */
const absentIfEmpty = (value: unknown) => (value === '' ? undefined : value);

/** One of `values`, or `fallback` when absent; 400 listing the accepted values otherwise. */
export function choice<const T extends string>(param: string, values: readonly T[]): QueryParam<T | undefined>;
export function choice<const T extends string>(param: string, values: readonly T[], fallback: T): QueryParam<T>;
export function choice<const T extends string>(param: string, values: readonly T[], fallback?: T): QueryParam<T | undefined> {
  return {
    schema: z.preprocess(absentIfEmpty, z.enum(values as [T, ...T[]]).optional()).transform((value) => value ?? fallback),
    error: () => invalidQuery(param, 'reason_enum', { values: values.join(', ') }),
  };
}

const items = (value: string) => value.split(/[\s,]+/).filter((item) => item !== '');

/** Some of `values`, separated by commas or spaces (none when absent); 400 listing the accepted values otherwise. */
export function choices<const T extends string>(param: string, values: readonly T[]): QueryParam<T[]> {
  return {
    list: true,
    // Separators alone are no list.
    schema: z
      .preprocess(absentIfEmpty, z.string().transform(items).pipe(z.array(z.enum(values as [T, ...T[]])).min(1)).optional())
      .transform((value) => value ?? []),
    error: () => invalidQuery(param, 'reason_list', { values: values.join(', ') }),
  };
}

/** Some text, absent when empty; or, when `required`, 400 naming the parameter. */
export function text(param: string): QueryParam<string | undefined>;
export function text(param: string, required: 'required'): QueryParam<string>;
export function text(param: string, required?: 'required'): QueryParam<string | undefined> {
  return {
    schema: required ? z.string().min(1) : z.preprocess(absentIfEmpty, z.string().optional()),
    error: () => invalidQuery(param, 'reason_required', {}),
  };
}

/** A territory id, France when absent; 400 when malformed. Its existence is checked by the caller. */
export function territory(): QueryParam<TerritoryId> {
  return {
    schema: z
      .string()
      .default('france')
      .refine((value) => parseTerritoryId(value) !== null)
      .transform((value) => value as TerritoryId),
    error: (value) => new ApiError(400, 'invalid_territory', { params: { id: (value ?? '').slice(0, 60) } }),
  };
}

/** A whole number from 1 to `max`, `fallback` when absent; 400 giving the bounds otherwise. */
export function limit(param: string, max: number, fallback: number): QueryParam<number> {
  return {
    schema: z.preprocess(
      absentIfEmpty,
      z
        .string()
        .regex(/^\d+$/)
        .transform(Number)
        .pipe(z.number().int().min(1).max(max))
        .default(fallback),
    ),
    error: () => invalidQuery(param, 'reason_limit', { min: 1, max }),
  };
}
