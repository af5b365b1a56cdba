import { invalidQuery } from './params.js';

/** A query parameter as Fastify parses it: absent, once, or repeated. */
export type QueryValue = string | string[] | undefined;

/** A parameter given twice counts once: the first value wins. */
export function single(raw: QueryValue): string | undefined {
  return Array.isArray(raw) ? raw[0] : raw;
}

/** One of the accepted values, `undefined` when absent or empty, else 400 listing the accepted values. */
export function oneOf<T extends string>(param: string, raw: string | undefined, values: readonly T[]): T | undefined {
  if (raw === undefined || raw === '') return undefined;
  if ((values as readonly string[]).includes(raw)) return raw as T;
  throw invalidQuery(param, 'reason_enum', { values: values.join(', ') });
}
