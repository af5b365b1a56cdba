import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { THEMES } from '../../../src/core/schema/questionnaire.js';
import { definitions } from '../../../src/questionnaires/all.js';
import { loadDefinition, themeTitles } from '../../../src/questionnaires/index.js';

for (const theme of THEMES) {
  test(`loadDefinition("${theme}") gives the same definition as the static table`, async () => {
    assert.deepEqual(await loadDefinition(theme), definitions[theme]);
  });
}

test('loadDefinition rejects an unknown theme, including inherited object names', async () => {
  await assert.rejects(loadDefinition('budget'), RangeError);
  await assert.rejects(loadDefinition('toString'), RangeError);
  await assert.rejects(loadDefinition(''), RangeError);
});

test('themeTitles lists the nine themes in order, with the definitions’ titles and waves', () => {
  assert.deepEqual(Object.keys(themeTitles), [...THEMES]);
  for (const theme of THEMES) {
    assert.deepEqual(themeTitles[theme].title, definitions[theme].title, theme);
    assert.equal(themeTitles[theme].wave, definitions[theme].wave, theme);
  }
});

test('the loader and the menu titles import no theme module statically', () => {
  // A static import would put every questionnaire in the bundle of any page that loads one.
  const themeModule = /^\s*(import|export)\b[^;]*from\s+'\.\/(inclusion|cybersecurite|communication|infrastructures|outils-internes|donnees|dematerialisation|services-en-ligne|strategie|all)\.js'/m;
  for (const file of ['index.ts', 'theme-titles.ts']) {
    const source = readFileSync(new URL(`../../../src/questionnaires/${file}`, import.meta.url), 'utf8');
    assert.doesNotMatch(source, themeModule, file);
  }
});
