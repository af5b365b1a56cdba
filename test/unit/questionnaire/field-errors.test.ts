import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  attemptedStep,
  changedField,
  freshInteraction,
  leftField,
  showsErrors,
  wasAttempted,
} from '../../../src/core/questionnaire/field-errors.js';

const none = {};

test('a field merely passed through shows nothing', () => {
  const state = leftField(freshInteraction(), 'effectif');
  assert.equal(showsErrors(state, 'profil', 'effectif', none), false);
});

test('a typed field shows its problems once changed and left, not while typed', () => {
  const typing = changedField(freshInteraction(), 'effectif');
  assert.equal(showsErrors(typing, 'profil', 'effectif', none), false);
  const left = leftField(typing, 'effectif');
  assert.equal(showsErrors(left, 'profil', 'effectif', none), true);
  assert.equal(showsErrors(left, 'profil', 'equipe', none), false);
});

test('a choice is a complete gesture: its problems show at once', () => {
  const state = changedField(freshInteraction(), 'outils', true);
  assert.equal(showsErrors(state, 'outils', 'outils', none), true);
});

test('trying to leave a step shows every problem of that step only', () => {
  const state = attemptedStep(freshInteraction(), 'profil');
  assert.equal(wasAttempted(state, 'profil'), true);
  assert.equal(showsErrors(state, 'profil', 'effectif', none), true);
  assert.equal(showsErrors(state, 'outils', 'outils', none), false);
});

test('a field the server refused shows its problems', () => {
  assert.equal(showsErrors(freshInteraction(), 'outils', 'outils', { outils: ['Refusé'] }), true);
});

test('nothing new gives back the same state, so a host does not draw again', () => {
  const changed = changedField(freshInteraction(), 'effectif');
  assert.equal(changedField(changed, 'effectif'), changed);
  const left = leftField(changed, 'effectif');
  assert.equal(leftField(left, 'effectif'), left);
  const attempted = attemptedStep(left, 'profil');
  assert.equal(attemptedStep(attempted, 'profil'), attempted);
});
