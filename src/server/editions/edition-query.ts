import * as z from 'zod';
import { EDITION_ID } from '../../core/schema/edition.js';
import { invalidQuery, type QueryParam } from '../http/query.js';

/** `edition=2025`: an edition's id, absent when not given (the current edition); 400 when malformed. */
export function editionQuery(): QueryParam<string | undefined> {
  return {
    schema: z.preprocess((value) => (value === '' ? undefined : value), z.string().regex(EDITION_ID).optional()),
    error: () => invalidQuery('edition', 'reason_enum', { values: 'AAAA (2025…)' }),
  };
}
