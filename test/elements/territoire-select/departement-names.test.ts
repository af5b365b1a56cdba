import { expect } from '@open-wc/testing';
import { DEPARTEMENT_NAMES } from '../../../src/elements/territoire-select/departement-names.js';
import { loadGeneratedIndex } from './helpers/sample.js';

describe('département names shown beside search results', () => {
  it('are those of the generated referential, every one of them', async () => {
    const index = await loadGeneratedIndex();
    const expected = Object.fromEntries(index.departements.map(([code, name]) => [code, name]));
    expect(DEPARTEMENT_NAMES).to.deep.equal(expected);
  });
});
