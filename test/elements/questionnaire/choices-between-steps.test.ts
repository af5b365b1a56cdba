import { expect } from '@open-wc/testing';
import type { QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';
import { choice, heading } from '../helpers/dom.js';
import { installFakeApi, type FakeApi } from '../helpers/fake-api.js';
import { clickNext, forgetDevice, identify, mount } from '../helpers/questionnaire.js';
import { RENNES } from '../helpers/test-definition.js';

const text = (fr: string, en: string) => ({ fr, en });
const option = (code: string, fr: string) => ({ code, label: text(fr, fr) });

/**
 * Two steps, each opening with a single choice of four options: the radios drawn for one step's
 * question are the ones the next step's question is drawn in.
 */
const twoSteps: QuestionnaireDefinition = {
  theme: 'inclusion',
  version: '0.9.0',
  title: text('Deux étapes', 'Two steps'),
  wave: 1,
  estimatedMinutes: 1,
  sections: [
    {
      id: 'premiere',
      title: text('Première', 'First'),
      questions: [
        {
          id: 'couleur',
          kind: 'single',
          label: text('Quelle couleur ?', 'Which colour?'),
          options: [option('rouge', 'Rouge'), option('vert', 'Vert'), option('bleu', 'Bleu'), option('jaune', 'Jaune')],
        },
      ],
    },
    {
      id: 'seconde',
      title: text('Seconde', 'Second'),
      questions: [
        {
          id: 'saison',
          kind: 'single',
          label: text('Quelle saison ?', 'Which season?'),
          options: [option('hiver', 'Hiver'), option('printemps', 'Printemps'), option('ete', 'Été'), option('automne', 'Automne')],
        },
      ],
    },
  ],
};

describe('<barometre-questionnaire> — choices from one step to the next', () => {
  let api: FakeApi;
  beforeEach(() => {
    forgetDevice();
    api = installFakeApi({ definitions: [twoSteps], collectivites: [RENNES] });
  });
  afterEach(() => api.uninstall());

  it('shows each question’s answer on its step, whatever option the previous step’s question had', async () => {
    const el = await mount({ definition: twoSteps });
    await identify(el);
    // An earlier answer to the second step's question (taken up, restored, or a colleague's)…
    (el as unknown as { answers: Record<string, unknown> }).answers = { saison: 'hiver' };
    await el.updateComplete;
    // …and the last option of the first step's question chosen on screen.
    choice(el, 'Quelle couleur', 'Jaune').click();
    await el.updateComplete;
    await clickNext(el);
    expect(heading(el)).to.equal('Seconde');
    expect(choice(el, 'Quelle saison', 'Hiver').checked, 'the second step’s answer is shown').to.equal(true);
    await clickNext(el, 'Précédent');
    expect(choice(el, 'Quelle couleur', 'Jaune').checked, 'and the first step’s, back on it').to.equal(true);
  });
});
