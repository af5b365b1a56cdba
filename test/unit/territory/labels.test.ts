import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  EPCI_LEGAL_FORMS,
  TERRITORY_KINDS,
  collectiviteKindLabel,
  epciLegalFormLabel,
  territoryKindLabel,
} from '../../../src/core/territory/index.js';
import { COLLECTIVITE_KINDS } from '../../../src/core/schema/collectivite.js';

test('territory kinds, collectivité kinds and EPCI forms are named in French and English', () => {
  assert.equal(territoryKindLabel('fr', 'departement'), 'Département');
  assert.equal(territoryKindLabel('en', 'region'), 'Region');
  assert.equal(collectiviteKindLabel('fr', 'csp'), 'Collectivité à statut particulier');
  assert.equal(epciLegalFormLabel('fr', 'CA'), 'Communauté d’agglomération');
  assert.equal(epciLegalFormLabel('en', 'CU'), 'Urban community');
});

test('no kind or form falls back to a raw key', () => {
  for (const lang of ['fr', 'en'] as const) {
    for (const kind of TERRITORY_KINDS) assert.doesNotMatch(territoryKindLabel(lang, kind), /^kind_/);
    for (const kind of COLLECTIVITE_KINDS) assert.doesNotMatch(collectiviteKindLabel(lang, kind), /^kind_/);
    for (const form of EPCI_LEGAL_FORMS) assert.doesNotMatch(epciLegalFormLabel(lang, form), /^form_/);
  }
});
