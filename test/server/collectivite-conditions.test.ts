import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { collectivites, json, onStore, putContribution, startServer, type TestServer } from './helpers.js';

/** Valid answers to the data questionnaire for a small commune or a body with none of the targeted questions. */
const donnees = (extra: Record<string, unknown> = {}) => ({
  role: 'agent',
  version: '2.0.0',
  answers: {
    fonction_repondant: 'dgs',
    inventaire_donnees: 'non',
    responsable_donnees: 'aucun',
    delegue_protection_donnees: 'mutualise',
    registre_traitements: 'oui',
    publication_open_data: 'non',
    freins_ouverture: ['temps'],
    partage_opsn: 'non',
    sig: 'mutualise',
    usages_donnees: ['aucun'],
    besoin_accompagnement: 'oui',
    ...extra,
  },
});

describe(onStore('questions asked according to the collectivité'), () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.close();
  });

  const [departement] = collectivites((c) => c.kind === 'departement', 1);
  const [smallCommune] = collectivites((c) => c.kind === 'commune' && c.populationBand === '500-999', 1);
  const [town] = collectivites((c) => c.kind === 'commune' && c.populationBand === '5000-9999', 1);

  test('a commune answers the Base adresse locale question; a département that sends it is refused, as for a hidden question', async () => {
    const accepted = await json(await putContribution(server.url, smallCommune!.siret, 'donnees', donnees({ base_adresse_locale: 'oui' })));
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));

    const refused = await json(await putContribution(server.url, departement!.siret, 'donnees', donnees({ base_adresse_locale: 'oui', ouverture_par_defaut: 'partielle' })));
    assert.equal(refused.status, 422);
    assert.deepEqual(
      refused.body.details.problems.map((p: { questionId: string; code: string }) => `${p.questionId}:${p.code}`),
      ['base_adresse_locale:hidden'],
    );
    const without = await json(await putContribution(server.url, departement!.siret, 'donnees', donnees({ ouverture_par_defaut: 'partielle' })));
    assert.equal(without.status, 201, JSON.stringify(without.body));
  });

  test('a commune must answer the questions asked of it, and only a large enough one the open-data duty', async () => {
    const missing = await json(await putContribution(server.url, town!.siret, 'donnees', donnees()));
    assert.equal(missing.status, 422);
    assert.deepEqual(
      missing.body.details.problems.map((p: { questionId: string; code: string }) => `${p.questionId}:${p.code}`),
      ['ouverture_par_defaut:required', 'base_adresse_locale:required'],
    );
    const complete = await json(
      await putContribution(server.url, town!.siret, 'donnees', donnees({ ouverture_par_defaut: 'non_concernee', base_adresse_locale: 'non' })),
    );
    assert.equal(complete.status, 201, JSON.stringify(complete.body));
  });
});
