import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { BarometreQuestionnaire } from '../../../src/elements/questionnaire/barometre-questionnaire.js';
import type { BarometreAttestationExpiredDetail } from '../../../src/elements/questionnaire/define.js';
import { button, choice, errorOf, field, focused, heading, links, pick, settle, status, summaryItems, textOf, typeInto, until } from '../helpers/dom.js';
import { FAKE_API, installFakeApi, type FakeApi } from '../helpers/fake-api.js';
import { clickNext, forgetDevice, identify, mount } from '../helpers/questionnaire.js';
import { RENNES, testDefinition } from '../helpers/test-definition.js';

/** A token shaped as a portal's attestation; the fake server, like the element, reads it without checking it. */
function attestation(claims: Record<string, unknown>): string {
  const part = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'ES256', kid: 'test' })}.${part({ iss: 'megalis-test', aud: 'barometre', ...claims })}.c2lnbmF0dXJl`;
}

/** Answers both sections from the step after identification and arrives on the review page. */
async function answerSections(el: BarometreQuestionnaire, lang: 'fr' | 'en' = 'fr') {
  const fr = lang === 'fr';
  await pick(choice(el, fr ? 'Avez-vous un lieu' : 'Do you have a digital mediation place?', fr ? 'Non' : 'No'));
  await pick(choice(el, fr ? 'Qui pilote' : 'Who leads', fr ? 'La commune' : 'The municipality'));
  await clickNext(el, fr ? 'Suivant' : 'Next');
  await typeInto(field(el, fr ? 'Combien de conseillers' : 'How many digital advisers?'), '2');
  await clickNext(el, fr ? 'Vérifier mes réponses' : 'Check my answers');
}

/** Every value this page keeps in storage (the tests' stand-in for `localStorage`). */
function stored(): string {
  return Object.keys(localStorage)
    .map((key) => `${key}=${localStorage.getItem(key)}`)
    .join('\n');
}

const codeOf = (el: BarometreQuestionnaire) => el.shadowRoot!.querySelector('[part~="edit-code"]')?.textContent ?? '';

describe('<barometre-questionnaire> — verified respondents and edit codes', () => {
  let api: FakeApi;

  beforeEach(() => {
    forgetDevice();
    api = installFakeApi({ definitions: [testDefinition], collectivites: [RENNES] });
  });
  afterEach(async () => {
    api.uninstall();
    await setViewport({ width: 800, height: 600 });
  });

  it('answers for the SIRET an attestation names, sends the attestation, and says who verified the contribution', async () => {
    const el = await mount({ definition: testDefinition });
    el.attestation = attestation({ siret: RENNES.siret, role: 'agent', email: 'dgs@mairie.example' });
    await until(() => textOf(el).includes('attesté par megalis-test'), 'identity shown');
    const siret = field(el, 'Numéro SIRET');
    expect(siret.value.replace(/\s/g, '')).to.equal(RENNES.siret);
    expect(siret.readOnly).to.equal(true);
    expect(textOf(el)).to.contain('Vous répondez pour le SIRET 213 502 388 00019, attesté par megalis-test : votre réponse sera vérifiée.');
    expect(choice(el, 'Vous répondez en tant que', 'Agent de la collectivité').checked).to.equal(true);
    await expect(el).to.be.accessible();

    await clickNext(el);
    await until(() => heading(el) === 'Lieux de médiation', 'first section');
    await answerSections(el);
    const submitted = oneEvent(el, 'barometre-submitted');
    button(el, 'Envoyer mes réponses').click();
    await until(() => heading(el).startsWith('Merci'), 'confirmation');
    expect(((await submitted) as CustomEvent<{ verifiedBy?: string }>).detail.verifiedBy).to.equal('megalis-test');
    const [put] = api.puts();
    expect(put!.path).to.equal(`/contributions/${RENNES.siret}/inclusion`);
    expect((put!.body as { attestation?: string }).attestation).to.equal(el.attestation);
    expect(el.shadowRoot!.querySelector('[part~="verification"]')!.textContent!.trim()).to.equal(
      'Contribution vérifiée\u00a0: attestée par megalis-test.',
    );
    // The e-mail goes to the address the portal vouches for.
    const mail = links(el, 'Envoyer par e-mail')[0]!;
    expect(mail.textContent!.trim()).to.equal('Envoyer par e-mail à dgs@mairie.example');
    expect(mail.href).to.match(/^mailto:dgs%40mairie\.example\?subject=/);
    expect(decodeURIComponent(mail.href)).to.contain(codeOf(el));
    await expect(el).to.be.accessible();
  });

  it('takes the SIRET of an attestation the page gives while the identification step shows ahead of the definition', async () => {
    api.delayMs = 400;
    const el = await fixture<BarometreQuestionnaire>(html`<barometre-questionnaire theme="inclusion" api=${FAKE_API} lang="fr"></barometre-questionnaire>`);
    await until(() => el.shadowRoot!.querySelector('form input') !== null, 'identification step, before the definition');
    expect(el.shadowRoot!.querySelector('[part~="progress"]')).to.equal(null);
    el.attestation = attestation({ siret: RENNES.siret, role: 'agent' });
    await until(() => textOf(el).includes('attesté par megalis-test'), 'identity shown');
    const siret = field(el, 'Numéro SIRET');
    expect(siret.value.replace(/\s/g, '')).to.equal(RENNES.siret);
    expect(siret.readOnly).to.equal(true);
    expect(choice(el, 'Vous répondez en tant que', 'Agent de la collectivité').checked).to.equal(true);
  });

  it('says a wrong code on the code field, with its two choices: correct it, or send for review knowingly', async () => {
    api.setExisting(RENNES.siret, 'inclusion', { editToken: 'K7QM-2XD9-HCTR-0FB4' });
    const el = await mount({ definition: testDefinition });
    await typeInto(field(el, 'Numéro SIRET'), RENNES.siret);
    await until(() => textOf(el).includes('a déjà répondu'), 'existing shown');
    await typeInto(field(el, 'Code de modification'), 'K7QM-2XD9-HCTR-0FB5');
    await identify(el);
    await answerSections(el);
    button(el, 'Envoyer mes réponses').click();
    await until(() => summaryItems(el).length > 0, 'refusal shown');

    expect(heading(el)).to.equal('Vérifiez vos réponses');
    const message =
      'Ce code de modification n’est pas celui de la réponse de votre collectivité. Il reste 4 essais avant que les codes de cette réponse soient bloqués pendant une heure.';
    expect(summaryItems(el)).to.deep.equal([`Code de modification : ${message}`]);
    expect(focused(el)?.getAttribute('part')).to.equal('error-summary');
    const code = field(el, 'Code de modification');
    expect(code.getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(el, code)).to.equal(message);
    expect(textOf(el)).to.contain('Deux possibilités : corrigez le code et envoyez à nouveau, ou transmettez vos réponses pour examen');
    // The summary's link leads to the field.
    el.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="error-summary"] a')!.click();
    await settle();
    expect(focused(el)).to.equal(code);
    await expect(el).to.be.accessible();

    // Both choices are reached from the field with the keyboard.
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(button(el, 'Envoyer avec ce code'));
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(button(el, 'Transmettre pour examen'));

    // First choice: correct the code, and the answer replaces the existing one (Enter in the field sends).
    await typeInto(code, 'K7QM-2XD9-HCTR-0FB4');
    await sendKeys({ press: 'Enter' });
    await until(() => heading(el).startsWith('Merci'), 'replaced');
    expect(heading(el)).to.equal('Merci, votre contribution est mise à jour');
    expect(api.puts().map((put) => put.headers.get('Authorization'))).to.deep.equal(['Bearer K7QM-2XD9-HCTR-0FB5', 'Bearer K7QM-2XD9-HCTR-0FB4']);
  });

  it('sends for review knowingly, without the code, when the respondent chooses so', async () => {
    api.setExisting(RENNES.siret, 'inclusion', { editToken: 'K7QM-2XD9-HCTR-0FB4' });
    const el = await mount({ definition: testDefinition });
    await typeInto(field(el, 'Numéro SIRET'), RENNES.siret);
    await until(() => textOf(el).includes('a déjà répondu'), 'existing shown');
    await typeInto(field(el, 'Code de modification'), 'AAAA-BBBB-CCCC-DDDD');
    await identify(el);
    await answerSections(el);
    button(el, 'Envoyer mes réponses').click();
    await until(() => summaryItems(el).length > 0, 'refusal shown');
    button(el, 'Transmettre pour examen').click();
    await until(() => heading(el) === 'Votre réponse est transmise pour examen', 'set aside');
    const last = api.puts().at(-1)!;
    expect((last.body as { review?: boolean }).review).to.equal(true);
    expect(last.headers.get('Authorization')).to.equal(null);
    expect(api.contributions.get(`${RENNES.siret}/inclusion`)!.answers).to.deep.equal({});
  });

  it('after too many wrong codes, says until when in words and leaves only the review', async () => {
    api.setExisting(RENNES.siret, 'inclusion', { editToken: 'K7QM-2XD9-HCTR-0FB4' });
    api.wrongCodes.set(`${RENNES.siret}/inclusion`, 5);
    const el = await mount({ definition: testDefinition });
    await typeInto(field(el, 'Numéro SIRET'), RENNES.siret);
    await until(() => textOf(el).includes('a déjà répondu'), 'existing shown');
    await typeInto(field(el, 'Code de modification'), 'K7QM-2XD9-HCTR-0FB4');
    await identify(el);
    await answerSections(el);
    button(el, 'Envoyer mes réponses').click();
    await until(() => summaryItems(el).length > 0, 'lock said');
    const [item] = summaryItems(el);
    expect(item).to.match(
      /^Code de modification : Trop de codes erronés ont été essayés pour la réponse de votre collectivité : aucun code n’est vérifié jusqu’à (\d{1,2}(er)? \p{L}+ \d{4} à )?\d{2}:\d{2} \(dans (environ une heure|60 minutes)\)\.$/u,
    );
    expect(textOf(el)).to.contain('Vous pouvez transmettre vos réponses pour examen dès maintenant');
    // No code can be tried: only the review is offered.
    expect(() => field(el, 'Code de modification')).to.throw();
    await expect(el).to.be.accessible();
    // Even the step's own button sends for review now, as the page says.
    button(el, 'Envoyer mes réponses').click();
    await until(() => heading(el) === 'Votre réponse est transmise pour examen', 'set aside');
    expect((api.puts().at(-1)!.body as { review?: boolean }).review).to.equal(true);
  });

  it('shows the code once in groups that never break at 375 px, copies it, prints, and keeps nothing readable on the device', async () => {
    await setViewport({ width: 375, height: 700 });
    const el = await mount({ definition: testDefinition });
    await identify(el);
    await answerSections(el);
    const copied: string[] = [];
    const clipboard = navigator.clipboard;
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: (text: string) => (copied.push(text), Promise.resolve()) } });
    const printing = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      button(el, 'Envoyer mes réponses').click();
      await until(() => heading(el).startsWith('Merci'), 'confirmation');
      const code = api.contributions.get(`${RENNES.siret}/inclusion`)!.editToken;
      expect(codeOf(el)).to.equal(code);
      const shown = el.shadowRoot!.querySelector<HTMLElement>('[part~="edit-code"]')!;
      const groups = [...shown.querySelectorAll('.group')];
      expect(groups.map((group) => group.textContent)).to.deep.equal(code.split('-'));
      for (const group of groups) expect(group.getClientRects()).to.have.length(1);
      const top = groups[0]!.getBoundingClientRect().top;
      for (const group of groups) expect(group.getBoundingClientRect().top).to.equal(top, 'one line');
      expect(document.documentElement.scrollWidth).to.be.at.most(375);
      expect(textOf(el)).to.contain('Il n’est pas conservé sur cet appareil : copiez-le, imprimez-le ou envoyez-le par e-mail maintenant.');

      button(el, 'Copier le code').click();
      await settle();
      expect(copied).to.deep.equal([code]);
      expect(status(el)).to.equal('Code copié.');
      button(el, 'Imprimer').click();
      expect(printed).to.equal(1);
      expect(links(el, 'Envoyer par e-mail')[0]!.href).to.match(/^mailto:\?subject=/);
      await expect(el).to.be.accessible();

      // Nothing on the device can give the code back: not the receipt, not a draft, not the outbox.
      expect(stored()).to.not.contain(code);
      expect(stored()).to.contain('barometre:receipt:inclusion');
      el.remove();
      const later = await mount({ definition: testDefinition });
      expect(heading(later)).to.equal('Merci, votre contribution est enregistrée');
      expect(later.shadowRoot!.querySelector('[part~="edit-code"]') === null).to.equal(true, 'no code shown again');
      // A code typed for a new answer stays off the device too: drafts keep everything else.
      button(later, 'Répondre à nouveau').click();
      await settle(20);
      await typeInto(field(later, 'Numéro SIRET'), RENNES.siret);
      await until(() => textOf(later).includes('a déjà répondu'), 'existing shown');
      await typeInto(field(later, 'Code de modification'), code);
      expect(stored()).to.contain(`"siret":"213 502 388 00019"`);
      expect(stored()).to.not.contain(code);
    } finally {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
      window.print = printing;
    }
  });

  it('keeps the code on the device only when the page asks for it (keep-edit-code)', async () => {
    const el = await mount({ definition: testDefinition });
    el.keepEditCode = true;
    await identify(el);
    await answerSections(el);
    button(el, 'Envoyer mes réponses').click();
    await until(() => heading(el).startsWith('Merci'), 'confirmation');
    const code = api.contributions.get(`${RENNES.siret}/inclusion`)!.editToken;
    expect(stored()).to.contain(code);
    expect(textOf(el)).to.not.contain('Il n’est pas conservé sur cet appareil');
    el.remove();
    const later = await mount({ definition: testDefinition });
    later.keepEditCode = true;
    expect(codeOf(later)).to.equal(code);
  });

  it('asks the page for a fresh attestation when it expired while the contribution waited, and sends the answers with it', async () => {
    const el = await mount({ definition: testDefinition });
    el.attestation = attestation({ siret: RENNES.siret, jti: 'first' });
    await until(() => textOf(el).includes('attesté par'), 'identity shown');
    await identify(el);
    await answerSections(el);
    api.mode = 'offline';
    button(el, 'Envoyer mes réponses').click();
    await until(() => heading(el) === 'Votre contribution attend le réseau', 'waiting');

    api.mode = 'online';
    api.respondNextPut(401, { error: 'attestation_expired', message: 'Expirée.', details: { field: 'attestation', reason: 'expired' } });
    const asked = oneEvent(el, 'barometre-attestation-expired');
    window.dispatchEvent(new Event('online'));
    const { detail } = (await asked) as CustomEvent<BarometreAttestationExpiredDetail>;
    expect(detail).to.deep.equal({ theme: 'inclusion', siret: RENNES.siret, code: 'attestation_expired' });
    await settle(20);
    // Nothing is lost: the review page, every answer, and why.
    expect(heading(el)).to.equal('Vérifiez vos réponses');
    expect(summaryItems(el)[0]).to.contain('L’attestation de votre portail a expiré avant l’envoi. Vos réponses sont conservées sur cet appareil');
    expect(textOf(el)).to.contain('2 conseillers');

    const fresh = attestation({ siret: RENNES.siret, jti: 'second' });
    el.attestation = fresh;
    await until(() => heading(el).startsWith('Merci'), 'sent again with the fresh one');
    expect((api.puts().at(-1)!.body as { attestation?: string }).attestation).to.equal(fresh);
    expect(textOf(el)).to.contain('Contribution vérifiée : attestée par megalis-test.');
  });

  for (const [code, httpStatus, headers, words] of [
    ['pending_limit_reached', 429, {}, 'Plusieurs réponses de votre collectivité attendent déjà l’examen'],
    ['pending_queue_full', 503, { 'Retry-After': '3600' }, 'envoyez-les à nouveau dans environ une heure'],
    ['attestation_keys_unavailable', 503, {}, 'Le Baromètre n’a pas pu vérifier l’attestation de votre portail pour le moment.'],
  ] as const) {
    it(`says a ${code} at once, and keeps the answers`, async () => {
      const el = await mount({ definition: testDefinition });
      await identify(el);
      await answerSections(el);
      api.respondNextPut(httpStatus, { error: code, message: 'Non.' }, headers);
      button(el, 'Envoyer mes réponses').click();
      await until(() => summaryItems(el).length > 0, 'refusal said');
      expect(summaryItems(el)[0]).to.contain(words);
      expect(summaryItems(el)[0]).to.contain('Vos réponses sont conservées sur cet appareil');
      expect(api.puts()).to.have.length(1);
      expect(textOf(el)).to.contain('2 conseillers');
      expect(stored()).to.contain('"conseillers":2');
    });
  }

  it('offers ProConnect when the server has it, and comes back signed in with the draft', async () => {
    api.config = { attestation: { enabled: true }, proconnect: { enabled: true, loginUrl: '/api/v1/auth/proconnect/login' } };
    const el = await mount({ definition: testDefinition });
    await until(() => links(el, 'Se connecter avec ProConnect').length === 1, 'ProConnect offered');
    const login = new URL(links(el, 'Se connecter avec ProConnect')[0]!.href);
    expect(login.origin + login.pathname).to.equal('https://api.barometre.test/api/v1/auth/proconnect/login');
    expect(login.searchParams.get('return_to')).to.equal(location.href.split('#')[0]);
    await pick(choice(el, 'Vous répondez en tant que', 'Élu ou élue'));
    await expect(el).to.be.accessible();
    el.remove();

    // The way back: the fragment is read, then cleared from the address.
    const token = attestation({ iss: 'proconnect', siret: RENNES.siret });
    history.replaceState(null, '', `${location.pathname}${location.search}#barometre-attestation=${token}&siret=${RENNES.siret}`);
    const back = await mount({ definition: testDefinition });
    expect(location.hash).to.equal('');
    expect(back.attestation).to.equal(token);
    await until(() => textOf(back).includes('attesté par ProConnect'), 'signed in');
    expect(field(back, 'Numéro SIRET').value.replace(/\s/g, '')).to.equal(RENNES.siret);
    expect(choice(back, 'Vous répondez en tant que', 'Élu ou élue').checked).to.equal(true, 'the draft came back');
    expect(links(back, 'Se connecter avec ProConnect')).to.have.length(0);
  });

  it('says why signing in with ProConnect did not succeed', async () => {
    api.config = { proconnect: { enabled: true, loginUrl: '/api/v1/auth/proconnect/login' } };
    history.replaceState(null, '', `${location.pathname}${location.search}#barometre-error=proconnect_no_siret`);
    const el = await mount({ definition: testDefinition });
    expect(location.hash).to.equal('');
    await until(() => textOf(el).includes('ProConnect n’a pas donné le SIRET'), 'error said');
    expect(field(el, 'Numéro SIRET').readOnly).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    api.setExisting(RENNES.siret, 'inclusion', { editToken: 'K7QM-2XD9-HCTR-0FB4' });
    const el = await mount({ definition: testDefinition, lang: 'en' });
    await typeInto(field(el, 'SIRET number'), RENNES.siret);
    await until(() => textOf(el).includes('already answered'), 'existing shown');
    await typeInto(field(el, 'Edit code'), 'AAAA-BBBB-CCCC-DDDD');
    await identify(el, { lang: 'en', role: 'A member of staff' });
    await answerSections(el, 'en');
    button(el, 'Send my answers').click();
    await until(() => summaryItems(el).length > 0, 'refusal shown');
    expect(summaryItems(el)).to.deep.equal([
      'Edit code: This edit code is not the one of your local authority’s answer. 4 attempts are left before codes for this answer are locked for an hour.',
    ]);
    expect(button(el, 'Send with this code')).to.exist;
    expect(button(el, 'Send for review')).to.exist;
  });
});
