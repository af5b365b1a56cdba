import { expect } from '@open-wc/testing';
import type { BarometreQuestionnaire } from '../../../src/elements/questionnaire/barometre-questionnaire.js';
import type { BarometreSubmittedDetail } from '../../../src/elements/questionnaire/define.js';
import { button, choice, field, heading, pick, status, textOf, typeInto, until } from '../helpers/dom.js';
import { installFakeApi, type FakeApi } from '../helpers/fake-api.js';
import { clickNext, forgetDevice, identify, mount } from '../helpers/questionnaire.js';
import { RENNES, testDefinition } from '../helpers/test-definition.js';

async function toReview(el: BarometreQuestionnaire) {
  await identify(el);
  await pick(choice(el, 'Avez-vous un lieu', 'Non'));
  await pick(choice(el, 'Qui pilote', 'La commune'));
  await clickNext(el);
  await typeInto(field(el, 'Combien de conseillers'), '2');
  await clickNext(el, 'Vérifier mes réponses');
}

function keysOfPutAttempts(api: FakeApi): string[] {
  return [...new Set(api.attempts.filter((r) => r.method === 'PUT').map((r) => r.headers.get('Idempotency-Key')!))];
}

describe('<barometre-questionnaire> — outbox', () => {
  let api: FakeApi;

  beforeEach(() => {
    forgetDevice();
    api = installFakeApi({ definitions: [testDefinition], collectivites: [RENNES] });
  });
  afterEach(() => api.uninstall());

  it('keeps a contribution sent offline waiting, then delivers it once when the network returns', async () => {
    const el = await mount({ definition: testDefinition });
    await toReview(el);
    api.mode = 'offline';
    button(el, 'Envoyer mes réponses').click();
    await until(() => heading(el) === 'Votre contribution attend le réseau', 'waiting shown');
    expect(textOf(el)).to.contain('partira d’elle-même dès que la connexion reviendra');
    expect(status(el)).to.equal('Contribution en attente d’envoi : elle partira dès que possible.');
    await expect(el).to.be.accessible();

    const submitted: BarometreSubmittedDetail[] = [];
    el.addEventListener('barometre-submitted', (event) => submitted.push(event.detail));
    api.mode = 'online';
    window.dispatchEvent(new Event('online'));
    await until(() => heading(el).startsWith('Merci'), 'confirmation after recovery');

    expect(keysOfPutAttempts(api)).to.have.length(1);
    expect(api.applied).to.have.length(1);
    expect(submitted).to.have.length(1);
    expect(status(el)).to.equal('Contribution envoyée.');
  });

  it('waits on a server error and retries with the same key on demand', async () => {
    const el = await mount({ definition: testDefinition });
    await toReview(el);
    api.mode = 'error';
    button(el, 'Envoyer mes réponses').click();
    await until(() => heading(el) === 'Votre contribution attend le réseau', 'waiting shown');
    expect(textOf(el)).to.contain('Dernière tentative : Service indisponible.');
    api.mode = 'online';
    button(el, 'Réessayer maintenant').click();
    await until(() => heading(el).startsWith('Merci'), 'confirmation after retry');
    const [key] = keysOfPutAttempts(api);
    expect(keysOfPutAttempts(api)).to.have.length(1);
    expect(api.putsWithKey(key!)).to.have.length(2);
    expect(api.applied).to.have.length(1);
  });

  it('delivers once when the answer to a delivered contribution was lost on the way back', async () => {
    const el = await mount({ definition: testDefinition });
    await toReview(el);
    api.loseNextResponse = true;
    button(el, 'Envoyer mes réponses').click();
    await until(() => heading(el) === 'Votre contribution attend le réseau', 'waiting shown');
    expect(api.applied).to.have.length(1);
    window.dispatchEvent(new Event('online'));
    await until(() => heading(el).startsWith('Merci'), 'confirmation');
    expect(api.applied).to.have.length(1);
    expect(keysOfPutAttempts(api)).to.have.length(1);
    expect(el.shadowRoot!.querySelector('[part~="edit-code"]')!.textContent).to.equal(
      api.contributions.get(`${RENNES.siret}/inclusion`)!.editToken,
    );
  });

  it('after a reload, shows the contribution still waiting, and delivers it when a questionnaire connects online', async () => {
    const first = await mount({ definition: testDefinition });
    await toReview(first);
    api.mode = 'offline';
    button(first, 'Envoyer mes réponses').click();
    await until(() => heading(first) === 'Votre contribution attend le réseau', 'waiting shown');
    first.remove();

    const stillOffline = await mount({ definition: testDefinition });
    expect(heading(stillOffline)).to.equal('Votre contribution attend le réseau');
    stillOffline.remove();

    api.mode = 'online';
    const online = await mount({ definition: testDefinition });
    await until(() => heading(online).startsWith('Merci'), 'confirmation after reload');
    expect(api.applied).to.have.length(1);
    expect(keysOfPutAttempts(api)).to.have.length(1);

    // The confirmation and its code stay until the respondent starts a new answer.
    online.remove();
    const later = await mount({ definition: testDefinition });
    expect(heading(later)).to.equal('Merci, votre contribution est enregistrée');
    button(later, 'Répondre à nouveau').click();
    await until(() => heading(later) === 'Votre collectivité', 'new answer');
  });
});
