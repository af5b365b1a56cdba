import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog, frenchSpacing, typeset, typesetting } from '../../../src/core/i18n/index.js';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

test('a narrow no-break space before ? ! and ;, in place of the space typed', () => {
  assert.equal(frenchSpacing('Avez-vous un RSSI ?'), `Avez-vous un RSSI${NNBSP}?`);
  assert.equal(frenchSpacing('Attention ! Oui ; non'), `Attention${NNBSP}! Oui${NNBSP}; non`);
  assert.equal(frenchSpacing('Vraiment  ?!'), `Vraiment${NNBSP}?!`);
});

test('a « ? » or « ! » glued to the end of a word gets its space; one inside an address is left alone', () => {
  assert.equal(frenchSpacing('Vraiment? Oui!'), `Vraiment${NNBSP}? Oui${NNBSP}!`);
  assert.equal(frenchSpacing('Voir https://exemple.fr/page?x=1 ou 10:30'), 'Voir https://exemple.fr/page?x=1 ou 10:30');
});

test('a no-break space before a colon that had a space, and inside guillemets', () => {
  assert.equal(frenchSpacing('Questions répondues : 3 sur 5'), `Questions répondues${NBSP}: 3 sur 5`);
  assert.equal(frenchSpacing('Précisez « Autre » et «Aucun»'), `Précisez «${NBSP}Autre${NBSP}» et «${NBSP}Aucun${NBSP}»`);
});

test('text already set, or with nothing to set, comes back unchanged; a second pass changes nothing', () => {
  const once = frenchSpacing('Qui pilote ? « Une autre structure » : précisez ; merci !');
  assert.equal(frenchSpacing(once), once);
  assert.equal(frenchSpacing('Le CCAS, la mairie.'), 'Le CCAS, la mairie.');
  assert.doesNotMatch(once, / [?!;:»]|« /);
});

test('English text is left as it is; a catalogue can be typeset in French only', () => {
  assert.equal(typeset('en', 'Any comment ?'), 'Any comment ?');
  const t = typesetting(createCatalog({ fr: { q: 'Un commentaire ? ({n})' }, en: { q: 'A comment? ({n})' } }));
  assert.equal(t('fr', 'q', { n: 2 }), `Un commentaire${NNBSP}? (2)`);
  assert.equal(t('en', 'q', { n: 2 }), 'A comment? (2)');
});
