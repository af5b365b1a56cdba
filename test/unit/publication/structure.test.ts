import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { Outsider } from './attacker.js';
import { communesIn, epciIn, pick, publish, rowsFor, type Published } from './fixtures.js';

/**
 * What the questionnaire's own structure says, and what it lets a publication keep.
 *
 * - A question never asked of a kind of collectivité (`demarches_en_ligne`, the commune's
 *   procedures) is zero wherever only other kinds answered: a département whose only respondents
 *   are intercommunalités hides its counts as too few, and those zeros need no protection — nobody
 *   could have answered otherwise. Asking for some used to leave them exposed round after round, and
 *   the whole question was withdrawn from France.
 * - "Nobody answered" a follow-up in a published series is a published fact like a count: the
 *   group of intercommunalités where none runs an AI project publishes `usages_ia` as "aucune
 *   réponse", which pins each one's `projets_ia` to "non". To protect a small département's
 *   `projets_ia`, that state may have to be withheld too, and the partners' search may now choose
 *   it; without it, no partner was found and `projets_ia` was withdrawn from every table.
 */

let procedures: Published;
let ai: Published;
let aiOutsider: Outsider;

/** Intercommunalités of as many départements, one each, for a group of one kind. */
function epcisOf(departements: readonly string[]) {
  return departements.flatMap((code) => pick(epciIn(code), 1));
}

describe('Publication secrecy — what the questionnaire’s structure says', () => {
  before(async () => {
    const epcisOnly = [...epcisOf(['35']), ...pick(epciIn('35'), 1, 1)];
    const communes = [...pick(communesIn('29'), 8), ...pick(communesIn('22'), 7), ...pick(communesIn('56'), 6)];
    procedures = await publish('dematerialisation', [
      ...rowsFor('dematerialisation', epcisOnly, () => ({}), 41),
      ...rowsFor('dematerialisation', communes, () => ({}), 42),
    ]);

    // Ille-et-Vilaine: one commune running an AI project, one intercommunality not; the other
    // intercommunalités, of every département, none either.
    const others = epcisOf(['29', '22', '56', '44', '49', '53', '72', '85']);
    const aiRows = [
      ...rowsFor('strategie', pick(communesIn('35'), 1), () => ({ projets_ia: 'oui', usages_ia: ['redaction'] }), 51),
      ...rowsFor('strategie', epcisOf(['35']), () => ({ projets_ia: 'non' }), 52),
      ...rowsFor('strategie', others, () => ({ projets_ia: 'non' }), 53),
      ...rowsFor('strategie', [...pick(communesIn('29'), 6), ...pick(communesIn('22'), 6), ...pick(communesIn('56'), 6)], (i) => ({ projets_ia: i % 3 === 0 ? 'oui' : 'non' }), 54),
    ];
    ai = await publish('strategie', aiRows);
    aiOutsider = new Outsider(ai.definition, aiRows, ai.figures, ai.minCell);
  });

  test('counts nobody could have answered need no protection: the question stays published elsewhere', () => {
    assert.deepEqual(procedures.unprotected, []);
    const ille = procedures.figures.series.brute['departement:35']!;
    assert.equal(ille.status, 'insuffisant', 'two intercommunalités: fewer than k');
    const france = procedures.figures.series.brute.france!.questions.demarches_en_ligne!;
    assert.equal(france.status, 'publie', 'not withdrawn from France');
  });

  test('a follow-up nobody answered may be withheld to protect its parent, and the parent stays published', async () => {
    assert.deepEqual(ai.unprotected, []);
    assert.equal(ai.figures.series.brute.france!.questions.projets_ia!.status, 'publie', 'not withdrawn from France');
    // Its "oui" and "non" (its "ne sait pas" is a zero the published groups already say).
    const ranges = await aiOutsider.ranges(
      (cell) => cell.series === 'departement:35' && cell.question === 'projets_ia' && cell.code !== 'nsp',
      (range) => range.highest - range.lowest >= 1 - 1e-6,
    );
    assert.ok(ranges.length > 0);
    assert.deepEqual(ranges.filter((range) => range.highest - range.lowest < 1 - 1e-6), []);
  });
});
