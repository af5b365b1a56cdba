import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { definitions } from '../../src/questionnaires/all.js';
import { defaultReferential } from '../../src/server/referential/adapter.js';
import { ResultsService } from '../../src/server/results/compute.js';
import { syntheticRecords } from '../../src/server/seed/seed.js';
import { SqliteContributionStore } from '../../src/server/store/sqlite/sqlite-store.js';
import type { ContributionStore, RespondentScope } from '../../src/server/store/types.js';
import type { TerritoryId } from '../../src/core/territory/territory-id.js';

/** The store, counting the reads of answers that results make. */
class CountingStore {
  reads: RespondentScope[] = [];
  constructor(readonly inner: SqliteContributionStore) {}
  get store(): ContributionStore {
    return new Proxy(this.inner, {
      get: (target, property) => {
        if (property === 'respondents') {
          return (theme: never, scope: RespondentScope) => {
            this.reads.push(scope);
            return target.respondents(theme, scope);
          };
        }
        const value = Reflect.get(target, property) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
}

describe('results warm-up', () => {
  const referential = defaultReferential();
  const counting = new CountingStore(SqliteContributionStore.open({ path: ':memory:' }));
  const service = new ResultsService(counting.store, referential, 5);
  const query = (territoire: TerritoryId) => ({
    theme: 'cybersecurite' as const,
    definition: definitions.cybersecurite,
    territory: referential.territory(territoire)!,
    comparisons: ['region', 'france'] as const,
    ponderation: 'brute' as const,
    lang: 'fr' as const,
  });

  before(async () => {
    await counting.inner.bulkInsert(syntheticRecords(referential, definitions));
  });
  after(() => counting.inner.close());

  test('after warming, France and its régions are figures added up, not answers read', async () => {
    await service.warm([{ theme: 'cybersecurite', definition: definitions.cybersecurite }]);
    const blocks = (await counting.inner.blockRevisions('cybersecurite')).length;
    assert.equal(counting.reads.length, blocks, 'each block read once');
    assert.ok(counting.reads.every((scope) => scope.level === 'block'));

    counting.reads = [];
    const results = await service.compute({ ...query('departement:33'), comparisons: ['region', 'france'] });
    assert.ok(results.series[2]!.n > 1000, 'France counts everyone');
    assert.deepEqual(counting.reads, []);
  });

  test('a new contribution makes only its own block (its département, its size) read again', async () => {
    const [record] = syntheticRecords(referential, definitions, { seed: 7 }).filter(
      (r) => r.theme === 'cybersecurite' && r.placement.departementCode === '33',
    );
    // A Gironde collectivité that had not answered yet, or one that had: either way its block moves.
    await counting.inner.bulkInsert([{ ...record!, siren: '000000000', siret: '00000000000000' }]);
    counting.reads = [];
    await service.compute({ ...query('departement:33'), comparisons: ['region', 'france'] });
    const read = counting.reads.map((scope) =>
      scope.level === 'block' ? `${scope.block.regionCode}/${scope.block.departementCode}/${scope.block.band}` : scope.level,
    );
    assert.deepEqual(read, [`75/33/${record!.placement.band}`]);
  });
});
