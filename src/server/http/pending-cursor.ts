import * as z from 'zod';
import type { PendingPosition } from '../store/types.js';
import { ApiError } from './errors.js';

/**
 * The cursor of the administrator's pending list: the position of the last submission of a page,
 * opaque to clients (base64url of JSON). Keyed on the queue's order rather than an offset, a page
 * neither skips nor repeats a submission when others are decided or arrive meanwhile.
 */

const Position = z.tuple([z.iso.datetime(), z.number().int().nonnegative()]);

export function encodeCursor(position: PendingPosition): string {
  return Buffer.from(JSON.stringify([position.receivedAt, position.seq]), 'utf8').toString('base64url');
}

/** The position a cursor stands for; 400 `invalid_cursor` for anything this server did not write. */
export function decodeCursor(cursor: string): PendingPosition {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    json = undefined;
  }
  const parsed = Position.safeParse(json);
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor) || !parsed.success) throw new ApiError(400, 'invalid_cursor', { details: { param: 'cursor' } });
  return { receivedAt: parsed.data[0], seq: parsed.data[1] };
}
