import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Answers,
  Condition,
  parseWithFieldErrors,
  QuestionnaireDefinition,
  type FieldError,
} from '../../../src/core/schema/index.js';

/** A small cybersecurity questionnaire using every question kind and a condition. */
function cyberDefinition() {
  return {
    theme: 'cybersecurite',
    version: '1.0',
    title: { fr: 'Cybersécurité', en: 'Cybersecurity' },
    wave: 1,
    estimatedMinutes: 5,
    sections: [
      {
        id: 'organisation',
        title: { fr: 'Organisation', en: 'Organisation' },
        questions: [
          { id: 'has_rssi', kind: 'yesno', label: { fr: 'Avez-vous un RSSI ?', en: 'Do you have a CISO?' } },
          {
            id: 'rssi_mode',
            kind: 'single',
            label: { fr: 'Ce RSSI est-il…', en: 'Is this CISO…' },
            visibleIf: { question: 'has_rssi', equals: 'oui' },
            options: [
              { code: 'interne', label: { fr: 'interne', en: 'in-house' } },
              { code: 'mutualise', label: { fr: 'mutualisé', en: 'shared' } },
              { code: 'autre', label: { fr: 'autre', en: 'other' } },
            ],
            otherSpecify: true,
          },
          {
            id: 'plans',
            kind: 'multiple',
            label: { fr: 'Plans en place', en: 'Plans in place' },
            options: [
              { code: 'pca', label: { fr: 'PCA', en: 'Business continuity plan' } },
              { code: 'pra', label: { fr: 'PRA', en: 'Disaster recovery plan' } },
              { code: 'aucun', label: { fr: 'Aucun', en: 'None' } },
            ],
            exclusive: 'aucun',
          },
          {
            id: 'agents_trained',
            kind: 'number',
            label: { fr: 'Agents formés depuis deux ans', en: 'Staff trained in the last two years' },
            min: 0,
            integer: true,
            visibleIf: { not: { all: [{ question: 'plans', includes: 'aucun' }] } },
          },
          { id: 'remarks', kind: 'text', label: { fr: 'Remarques', en: 'Remarks' }, maxLength: 500, required: false },
        ],
      },
    ],
  };
}

type Definition = ReturnType<typeof cyberDefinition>;
type Questions = Definition['sections'][number]['questions'];

function errorsOf(change: (definition: Definition & Record<string, unknown>, questions: Questions) => void): FieldError[] {
  const definition = cyberDefinition() as Definition & Record<string, unknown>;
  change(definition, definition.sections[0]!.questions);
  const result = parseWithFieldErrors(QuestionnaireDefinition, definition);
  assert.equal(result.ok, false, 'the definition should be refused');
  return result.ok ? [] : result.errors;
}

test('accepts a small definition with every question kind and nested conditions', () => {
  const result = QuestionnaireDefinition.safeParse(cyberDefinition());
  assert.equal(result.success, true, JSON.stringify(!result.success && result.error.issues));
});

test('refuses a question id that is not a machine id, and says what an id may contain', () => {
  const errors = errorsOf((_, questions) => {
    questions[0]!.id = 'Has RSSI';
  });
  assert.deepEqual(errors.map((e) => e.path), ['sections.0.questions.0.id']);
  assert.match(errors[0]!.message, /^Identifiant non valide : lettres minuscules sans accents/);
});

test('refuses an unknown question kind and lists the kinds', () => {
  const errors = errorsOf((_, questions) => {
    (questions[0] as Record<string, unknown>).kind = 'boolean';
  });
  assert.deepEqual(errors, [
    {
      path: 'sections.0.questions.0.kind',
      message: '« boolean » n’est pas reconnu : choisissez parmi « yesno », « single », « multiple », « number », « text ».',
    },
  ]);
});

test('refuses a condition with a misspelt operator and suggests the right one', () => {
  const errors = errorsOf((_, questions) => {
    questions[1]!.visibleIf = { question: 'has_rssi', equal: 'oui' } as never;
  });
  assert.deepEqual(errors, [
    { path: 'sections.0.questions.1.visibleIf.equals', message: 'Ce champ est obligatoire.' },
    {
      path: 'sections.0.questions.1.visibleIf.equal',
      message: 'Champ inconnu « equal » : vouliez-vous écrire « equals » ?',
    },
  ]);
});

test('refuses a misspelt operator deep inside not / all', () => {
  const errors = errorsOf((_, questions) => {
    questions[3]!.visibleIf = { not: { all: [{ question: 'plans', include: 'aucun' }] } } as never;
  });
  assert.deepEqual(
    errors.map((e) => e.path),
    ['sections.0.questions.3.visibleIf.not.all.0.includes', 'sections.0.questions.3.visibleIf.not.all.0.include'],
  );
});

test('refuses a single-choice question with one option', () => {
  const errors = errorsOf((_, questions) => {
    questions[1]!.options = questions[1]!.options!.slice(0, 1);
  });
  assert.deepEqual(errors, [
    { path: 'sections.0.questions.1.options', message: 'La liste doit compter au moins 2 éléments.' },
  ]);
});

test('refuses an unknown key, in French or English', () => {
  const definition = { ...cyberDefinition(), author: 'DINUM' };
  const fr = parseWithFieldErrors(QuestionnaireDefinition, definition);
  const en = parseWithFieldErrors(QuestionnaireDefinition, definition, 'en');
  assert.deepEqual(fr, {
    ok: false,
    errors: [{ path: 'author', message: 'Champ inconnu « author » : retirez-le ou corrigez son nom.' }],
  });
  assert.deepEqual(en, {
    ok: false,
    errors: [{ path: 'author', message: 'Unknown field “author”: remove it or correct its name.' }],
  });
});

test('refuses a missing translation and a wave outside 1–3', () => {
  const errors = errorsOf((definition) => {
    definition.title = { fr: 'Cybersécurité' } as never;
    definition.wave = 4;
  });
  assert.deepEqual(errors.map((e) => e.path), ['title.en', 'wave']);
  assert.equal(errors[0]!.message, 'Ce champ est obligatoire.');
});

test('conditions are data: every operator parses, empty lists do not', () => {
  const valid = [
    { question: 'a', equals: 3 },
    { question: 'a', in: ['x', 'y'] },
    { question: 'a', gte: 1 },
    { any: [{ question: 'a', lt: 2 }, { question: 'b', lte: 5 }] },
  ];
  for (const condition of valid) assert.equal(Condition.safeParse(condition).success, true, JSON.stringify(condition));
  assert.equal(Condition.safeParse({ all: [] }).success, false);
  assert.equal(Condition.safeParse({ question: 'a', in: [] }).success, false);
});

test('answers hold codes, numbers, code lists and “other, specify” texts', () => {
  const answers = { has_rssi: 'oui', rssi_mode: 'autre', 'rssi_mode.autre': 'Prestataire', plans: ['pca'], agents_trained: 12 };
  assert.equal(Answers.safeParse(answers).success, true);
  assert.equal(Answers.safeParse({ has_rssi: true }).success, false);
});
