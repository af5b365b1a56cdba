import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BulkLoader, Submissions } from '../../../bench/api/data.js';
import { validateContribution, type AnswerInput } from '../../../src/core/questionnaire/index.js';
import type { Collectivite } from '../../../src/core/schema/collectivite.js';
import type { ThemeId } from '../../../src/core/schema/questionnaire.js';
import { definitions } from '../../../src/questionnaires/all.js';
import { defaultReferential } from '../../../src/server/referential/adapter.js';
import type { BulkRecord, ContributionStore } from '../../../src/server/store/types.js';

/**
 * The API benchmark's data must be what the server accepts: contributions it would refuse (answers
 * to questions its conditions do not show a collectivité of that kind or size) would be measured
 * as failed writes, and bulk-loaded ones would publish figures no real survey could give.
 */

const bySiren = new Map<string, Collectivite>([...defaultReferential().collectivites()].map((c) => [c.siren, c]));

function problemsOf(theme: ThemeId, answers: unknown, siren: string) {
  const collectivite = bySiren.get(siren);
  assert.ok(collectivite, `no collectivité with SIREN ${siren}`);
  return validateContribution(definitions[theme], answers as AnswerInput, collectivite);
}

describe('the API benchmark data', () => {
  it('bulk-loads commune contributions that pass the server validation for their collectivité', async () => {
    const loaded: BulkRecord[] = [];
    const store = {
      bulkInsert: async (records: BulkRecord[]) => {
        loaded.push(...records);
        return records.length;
      },
    } as unknown as ContributionStore;
    await new BulkLoader().loadUpTo(store, 1_500);
    assert.equal(loaded.length, 1_500);
    for (const record of loaded) assert.deepEqual(problemsOf(record.theme, record.answers, record.siren), [], `${record.theme} of ${record.siren}`);
  });

  it('writes through the API contributions of EPCI, départements and régions that the server accepts', () => {
    const submissions = new Submissions();
    for (let i = 0; i < 600; i++) {
      const submission = submissions.next()!;
      const siren = /\/contributions\/(\d{9})\d{5}\//.exec(submission.path)![1]!;
      const body = JSON.parse(submission.body) as { answers: unknown };
      assert.deepEqual(problemsOf(submission.theme, body.answers, siren), [], `${submission.theme} of ${siren}`);
    }
  });
});
