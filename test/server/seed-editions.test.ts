import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { definitions } from '../../src/questionnaires/all.js';
import { editionCatalogue } from '../../src/server/editions/catalogue.js';
import { defaultReferential } from '../../src/server/referential/adapter.js';
import { syntheticEditions } from '../../src/server/seed/seed.js';
import type { BulkRecord } from '../../src/server/store/types.js';
import type { ThemeId } from '../../src/core/schema/questionnaire.js';

/**
 * The synthetic data set over two editions: 2025 and 2026, each dated inside its own waves, most
 * collectivités answering both and some only one, the later year a little better equipped, so
 * that evolution shows on a first run.
 */
describe('synthetic data set over two editions', () => {
  const now = new Date('2026-12-06T12:00:00Z');
  const catalogue = editionCatalogue();
  const records = syntheticEditions(defaultReferential(), definitions, catalogue, now);
  const of = (edition: string, theme: ThemeId) => records.filter((record) => record.edition === edition && record.theme === theme);
  const share = (list: BulkRecord[], question: string, code: string) => {
    const asked = list.filter((record) => record.answers[question] !== undefined);
    const chosen = asked.filter((record) => {
      const value = record.answers[question];
      return Array.isArray(value) ? value.includes(code) : value === code;
    });
    return chosen.length / asked.length;
  };

  test('fills 2025 and 2026, every contribution dated inside its edition’s wave and never after now', () => {
    assert.deepEqual([...new Set(records.map((record) => record.edition))], ['2025', '2026']);
    for (const record of records) {
      const wave = catalogue.wave(catalogue.byId(record.edition!)!, record.theme);
      for (const at of [record.createdAt, record.updatedAt]) {
        const time = Date.parse(at);
        assert.ok(time >= wave.opensAt.getTime() && time < wave.closesAt.getTime() && time <= now.getTime(), `${record.edition} ${record.theme} ${at}`);
      }
    }
  });

  test('most collectivités answer both editions, some only one', () => {
    const sirens = (edition: string) => new Set(of(edition, 'cybersecurite').map((record) => record.siren));
    const [before, after] = [sirens('2025'), sirens('2026')];
    const both = [...before].filter((siren) => after.has(siren)).length;
    assert.ok(both / before.size > 0.8 && both / before.size < 0.9, `${both} of ${before.size}`);
    assert.ok([...before].some((siren) => !after.has(siren)));
    assert.ok([...after].some((siren) => !before.has(siren)));
    assert.ok(after.size > 2400, `${after.size} in 2026`);
  });

  test('2026 drifts a few points towards the equipped answers: cybersecurity, procedures online, open data', () => {
    const drift = (theme: ThemeId, question: string, code: string) => share(of('2026', theme), question, code) - share(of('2025', theme), question, code);
    for (const [theme, question, code] of [
      ['cybersecurite', 'double_authentification', 'oui'],
      ['dematerialisation', 'demarches_en_ligne', 'etat_civil'],
      ['donnees', 'publication_open_data', 'oui'],
    ] as const) {
      const points = drift(theme, question, code) * 100;
      assert.ok(points > 2 && points < 15, `${theme}.${question}=${code}: ${points.toFixed(1)} points`);
    }
    // Fewer collectivités without an RSSI.
    assert.ok(drift('cybersecurite', 'rssi', 'aucun') < -0.02);
  });

  test('a collectivité answering both keeps most of its answers', () => {
    const earlier = new Map(of('2025', 'cybersecurite').map((record) => [record.siren, record.answers]));
    let same = 0;
    let compared = 0;
    for (const record of of('2026', 'cybersecurite')) {
      const before = earlier.get(record.siren);
      if (!before) continue;
      compared += 1;
      if (before.rssi === record.answers.rssi) same += 1;
    }
    assert.ok(same / compared > 0.85, `${same} of ${compared}`);
  });
});
