import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ResultsResponse, type QuestionResult } from '../../src/core/schema/results.js';
import { defaultReferential } from '../../src/server/referential/adapter.js';
import { collectivites, cyberSubmission, json, onStore, publishNow, putContribution, startServer, type TestServer } from './helpers.js';

/**
 * "Similaires" for a département: the communes and EPCI of France, in the département's own
 * mix of kinds and sizes. Two départements each hold five communes of 0 to 499 and five of
 * 1 000 to 3 499 inhabitants, so that every atom reaches the threshold and the national groups
 * publish every answer: the estimate can be checked against them by hand.
 */

const QUESTION = 'formation_agents';

describe(onStore('comparer=similaires for a territory'), () => {
  let server: TestServer;
  const results = async (query: string) => {
    const response = await json(await fetch(`${server.url}/api/v1/resultats/cybersecurite?${query}`));
    assert.equal(response.status, 200, query);
    return ResultsResponse.parse(response.body);
  };

  before(async () => {
    server = await startServer();
    for (const departement of ['53', '35']) {
      for (const [band, answers] of [
        ['0-499', ['oui', 'oui', 'oui', 'non', 'non']],
        ['1000-3499', ['oui', 'non', 'non', 'non', 'nsp']],
      ] as const) {
        const communes = collectivites((c) => c.kind === 'commune' && c.departementCode === departement && c.populationBand === band, 5);
        for (const [i, commune] of communes.entries()) {
          const response = await putContribution(server.url, commune.siret, 'cybersecurite', cyberSubmission({ [QUESTION]: answers[i] }));
          assert.equal(response.status, 201);
        }
      }
    }
    await publishNow(server.url);
  });
  after(async () => {
    await server.close();
  });

  test('weights each national group by its share of the département’s collectivités, and says what it covers', async () => {
    const strata = defaultReferential().strataCounts('departement:53');
    const communal = Object.entries(strata).filter(([key]) => /^(commune|epci)\|/.test(key));
    const total = communal.reduce((sum, [, n]) => sum + n, 0);
    const groups: { figures: QuestionResult; weight: number }[] = [];
    for (const band of ['0-499', '1000-3499']) {
      const figures = (await results(`territoire=france&type=commune&bande=${band}&question=${QUESTION}`)).series[0]!.questions[QUESTION]!;
      // Both groups publish every answer: nothing hides them at this size.
      assert.equal(figures.status, 'publie');
      for (const answer of Object.values(figures.answers!)) assert.equal(answer.status, 'publie');
      groups.push({ figures, weight: strata[`commune|${band}`]! / total });
    }
    const coverage = groups[0]!.weight + groups[1]!.weight;

    const body = await results(`territoire=departement:53&comparer=departement,similaires&question=${QUESTION}`);
    assert.deepEqual(body.series.map((s) => s.role), ['territoire', 'similaires']);
    const similar = body.series[1]!;
    assert.equal(similar.territory.name, 'Communes et intercommunalités de France à la même répartition par taille que Mayenne');
    const shown = similar.questions[QUESTION]!;
    assert.equal(shown.status, 'publie');
    assert.equal(shown.n, 20);
    // Mayenne also has communes of other sizes and EPCI, which nobody here answers for.
    assert.ok(coverage < 1 && Math.abs(shown.coverage! - coverage) < 1e-12, `coverage ${shown.coverage} against ${coverage}`);
    for (const code of ['oui', 'non', 'nsp']) {
      const expected = groups.reduce((sum, { figures, weight }) => sum + weight * figures.answers![code]!.share!, 0) / coverage;
      const answer = shown.answers![code]!;
      assert.ok(Math.abs(answer.share! - expected) < 1e-12, `${code}: ${answer.share} against ${expected}`);
      assert.equal(answer.count, null);
      assert.ok(answer.ci![0] <= answer.share! && answer.share! <= answer.ci![1], `${code}: ${answer.ci}`);
    }
    // 60 % "oui" among small communes, 20 % among the others: Mayenne, mostly small communes, leans to the first.
    const small = groups[0]!.weight / coverage;
    assert.ok(Math.abs(shown.answers!.oui!.share! - (0.6 * small + 0.2 * (1 - small))) < 1e-12);
  });

  test('the same estimate in weighted figures, where the département itself has none', async () => {
    const raw = (await results(`territoire=departement:53&comparer=similaires&question=${QUESTION}`)).series[1]!;
    const weighted = await results(`territoire=departement:53&comparer=similaires&question=${QUESTION}&ponderation=redressee`);
    assert.deepEqual(weighted.series[1]!.questions, raw.questions);
  });
});
