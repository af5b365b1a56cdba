import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { CollectiviteSiren } from '../../../src/core/schema/collectivite.js';
import type { Lang } from '../../../src/core/schema/text.js';
import { fetchContract } from '../../../src/elements/shared/fetch-contract.js';
import { ResultsLoadError } from '../../../src/elements/shared/results/load-error.js';

const URL_OF_FILE = 'https://data.example.test/fichier.json';

/** The sentence a figures element would show for `body` checked against `schema`. */
async function refusal(schema: z.ZodMiniType, body: unknown, lang: Lang): Promise<string> {
  const realFetch = window.fetch;
  window.fetch = async () => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
  try {
    await fetchContract(URL_OF_FILE, schema, { lang, signal: new AbortController().signal });
  } catch (error) {
    expect(error).to.be.instanceOf(ResultsLoadError);
    expect((error as ResultsLoadError).code).to.equal('invalid_results');
    return (error as Error).message;
  } finally {
    window.fetch = realFetch;
  }
  throw new Error('the body should have been refused');
}

describe('data that breaks its contract, in words', () => {
  it('words a format the contract does not define in zod’s own French and English, as one sentence', async () => {
    const schema = z.object({ lien: z.url() });
    expect(await refusal(schema, { lien: 'mairie' }, 'fr')).to.equal(
      'Les données reçues ne respectent pas le format attendu (lien : URL invalide).',
    );
    expect(await refusal(schema, { lien: 'mairie' }, 'en')).to.equal(
      'The data received does not follow the expected format (lien: Invalid URL).',
    );
  });

  it('keeps the contract’s own words for its patterns', async () => {
    const schema = z.object({ siren: CollectiviteSiren });
    expect(await refusal(schema, { siren: '213 502 388' }, 'fr')).to.equal(
      'Les données reçues ne respectent pas le format attendu (siren : Le SIREN s’écrit en 9 chiffres, sans espaces ni séparateurs).',
    );
    expect(await refusal(schema, { siren: '213 502 388' }, 'en')).to.equal(
      'The data received does not follow the expected format (siren: A SIREN is written as 9 digits, without spaces or separators).',
    );
  });
});
