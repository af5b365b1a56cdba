import { gunzipSync } from 'node:zlib';
import type { ContributionStore } from '../../store/types.js';
import type { PublicationFigures } from '../figures.js';

/**
 * The publication a static export is made from: the latest one stored, or one named by its id.
 */

/** No publication to export: the message says what to do about it. */
export class NoPublicationError extends Error {
  override name = 'NoPublicationError';
}

/** The figures of a stored publication, decompressed. */
export async function loadPublication(store: ContributionStore, id?: string): Promise<PublicationFigures> {
  const wanted = id ?? (await store.latestPublication())?.id;
  if (wanted === undefined) {
    throw new NoPublicationError(
      'No publication in the database yet. Start the server (it publishes when none exists, then on its schedule) ' +
        'or ask for one with POST /api/v1/admin/publications, then run this command again.',
    );
  }
  const record = await store.publication(wanted);
  if (record === undefined) {
    throw new NoPublicationError(`No publication ${wanted} in the database: GET /api/v1/publications lists those kept.`);
  }
  return JSON.parse(gunzipSync(record.figures).toString('utf8')) as PublicationFigures;
}
