import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BarometreSharedDraftDetail } from '../../../src/elements/questionnaire/events.js';
import { button, choice, field, focused, pick, settle, textOf, typeInto, until } from '../helpers/dom.js';
import { FAKE_API, installFakeApi, type FakeApi } from '../helpers/fake-api.js';
import { forgetDevice, identify, mount } from '../helpers/questionnaire.js';
import { RENNES, testDefinition } from '../helpers/test-definition.js';

/** One answer of the fake server's draft. */
interface Entry {
  key: string;
  value: unknown;
  version: number;
  by: { name: string; role?: string };
  at: string;
}

/**
 * A fake of `/brouillons/:siret/:theme` in front of the fake API: one draft, versions per
 * answer, a stale change refused and the current answer given back, as the reference server does.
 */
function installFakeSharing() {
  const state = { code: 'ABCD-EF12', entries: new Map<string, Entry>(), closed: undefined as string | undefined, writes: [] as unknown[] };
  const below = window.fetch;
  const view = () => ({
    siret: RENNES.siret,
    theme: 'inclusion',
    version: testDefinition.version,
    createdAt: '2026-12-06T10:00:00.000Z',
    expiresAt: '2027-01-05T10:00:00.000Z',
    entries: [...state.entries.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
  });
  const answer = (status: number, body: unknown) =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith(`${FAKE_API}/brouillons/`)) return below(input, init);
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    if (state.closed) return answer(410, { error: `shared_draft_${state.closed}`, message: 'Fermé', details: { reason: state.closed } });
    if (method === 'POST') {
      for (const [key, value] of Object.entries(body.answers as Record<string, unknown>)) {
        state.entries.set(key, { key, value, version: 1, by: body.author, at: new Date().toISOString() });
      }
      return answer(201, { code: state.code, draft: view() });
    }
    const code = headers.get('authorization')?.replace(/^Bearer /, '').toUpperCase().replace(/[^0-9A-Z]/g, '');
    if (code !== state.code.replace('-', '')) {
      return answer(403, { error: 'share_code_wrong', message: 'Ce code n’est pas celui du brouillon partagé de votre collectivité.', details: { remainingAttempts: 4 } });
    }
    if (method === 'GET') return answer(200, { draft: view() });
    // PATCH
    state.writes.push(body);
    const stale: string[] = [];
    for (const change of body.changes as { key: string; value: unknown; base: number }[]) {
      const current = state.entries.get(change.key);
      if ((current?.version ?? 0) !== change.base) {
        stale.push(change.key);
        continue;
      }
      state.entries.set(change.key, { key: change.key, value: change.value, version: change.base + 1, by: body.author, at: new Date().toISOString() });
    }
    return answer(200, { draft: view(), stale });
  };
  return {
    state,
    /** A colleague's change, made on the server. */
    colleague(key: string, value: unknown, by = { name: 'Paul', role: 'adjoint' }) {
      const current = state.entries.get(key);
      state.entries.set(key, { key, value, version: (current?.version ?? 0) + 1, by, at: '2026-12-06T13:32:00.000Z' });
    },
    uninstall() {
      window.fetch = below;
    },
  };
}

function sharingSection(el: HTMLElement): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[part~="sharing"]')!;
}

function live(el: HTMLElement): string {
  return el.shadowRoot!.querySelector('.sharing-status')?.textContent?.trim() ?? '';
}

describe('<barometre-questionnaire> — answering together', () => {
  let api: FakeApi;
  let sharing: ReturnType<typeof installFakeSharing>;

  beforeEach(() => {
    forgetDevice();
    api = installFakeApi({ definitions: [testDefinition], collectivites: [RENNES] });
    sharing = installFakeSharing();
  });
  afterEach(() => {
    sharing.uninstall();
    api.uninstall();
  });

  it('shares the draft: link and short code shown, copied, said in a live region; changes go to the server', async () => {
    const el = await mount({ definition: testDefinition });
    await identify(el);
    await pick(choice(el, 'Avez-vous un lieu', 'Oui'));
    // Nothing about sharing loads before it is asked for.
    expect(sharingSection(el)).to.equal(null);
    button(el, 'Partager avec un collègue').click();
    await until(() => sharingSection(el) !== null, 'panel loaded');
    await settle();
    expect(focused(el)?.id).to.equal('sharing-name');
    // The first name is required and its error is tied to the field.
    const shared = oneEvent(el, 'barometre-shared-draft');
    button(el, 'Créer le brouillon partagé').click();
    await settle(20);
    expect(field(el, 'Prénom').getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(el)).to.include('Indiquez votre prénom');
    await typeInto(field(el, 'Prénom'), 'Marie');
    await typeInto(field(el, 'Fonction (facultatif)'), 'secrétaire de mairie');
    button(el, 'Créer le brouillon partagé').click();
    const { detail } = (await shared) as CustomEvent<BarometreSharedDraftDetail>;
    expect(detail).to.include({ kind: 'shared', theme: 'inclusion', siret: RENNES.siret });
    await until(() => textOf(el).includes('ABCD-EF12'), 'code shown');
    expect(field(el, 'Lien du brouillon partagé').value).to.match(/#barometre-partage=inclusion\.21350238800019\.ABCD-EF12$/);
    await until(() => live(el).includes('Brouillon partagé créé'), 'said');
    expect(sharing.state.entries.get('lieu')?.value).to.equal('oui');
    expect(sharing.state.entries.get('lieu')?.by).to.deep.equal({ name: 'Marie', role: 'secrétaire de mairie' });

    // A change goes to the server against the version it was made on.
    await pick(choice(el, 'Avez-vous un lieu', 'Non'));
    await until(() => sharing.state.entries.get('lieu')?.value === 'non', 'change sent', 3000);
    expect(sharing.state.entries.get('lieu')?.version).to.equal(2);

    button(el, 'Copier le lien et le code').click();
    await until(() => /copiés|copie a été refusée/.test(live(el)), 'copy said');
    await expect(el).to.be.accessible();
  });

  it('opens a colleague’s draft by its code, takes its answers in and shows who changed what and when', async () => {
    sharing.colleague('lieu', 'oui');
    const el = await mount({ definition: testDefinition });
    await identify(el);
    button(el, 'J’ai un code de brouillon partagé').click();
    await until(() => sharingSection(el) !== null, 'panel loaded');
    await typeInto(field(el, 'Prénom'), 'Marie');
    await typeInto(field(el, 'Code du brouillon partagé'), 'abcd ef13');
    button(el, 'Ouvrir le brouillon partagé').click();
    await until(() => field(el, 'Code du brouillon partagé').getAttribute('aria-invalid') === 'true', 'wrong code said');
    expect(textOf(el)).to.include('n’est pas celui du brouillon partagé');
    await typeInto(field(el, 'Code du brouillon partagé'), 'abcd-ef12');
    const opened = oneEvent(el, 'barometre-shared-draft');
    button(el, 'Ouvrir le brouillon partagé').click();
    expect(((await opened) as CustomEvent<BarometreSharedDraftDetail>).detail.kind).to.equal('opened');
    await settle(20);
    expect(choice(el, 'Avez-vous un lieu', 'Oui').checked).to.equal(true);
    const changes = sharingSection(el).querySelector('li[data-key="lieu"]')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(changes).to.match(/^« Avez-vous un lieu de médiation numérique.\? » : Paul \(adjoint\), 6 décembre à \d{2}:\d{2}$/);
    await expect(el).to.be.accessible();
  });

  it('takes a colleague’s change in on refresh and says it politely; a change made at the same time is said in words', async () => {
    const el = await mount({ definition: testDefinition });
    await identify(el);
    await pick(choice(el, 'Avez-vous un lieu', 'Oui'));
    button(el, 'Partager avec un collègue').click();
    await until(() => sharingSection(el) !== null, 'panel loaded');
    await typeInto(field(el, 'Prénom'), 'Marie');
    button(el, 'Créer le brouillon partagé').click();
    await until(() => textOf(el).includes('ABCD-EF12'), 'shared');

    // Paul changes the answer on his page; Marie's page fetches it when she asks (or every 20 s, or on focus).
    sharing.colleague('lieu', 'non');
    const changed = oneEvent(el, 'barometre-shared-draft');
    button(el, 'Voir les changements de mes collègues').click();
    const detail = ((await changed) as CustomEvent<BarometreSharedDraftDetail>).detail;
    expect(detail).to.include({ kind: 'changed' });
    expect(detail.keys).to.deep.equal(['lieu']);
    await until(() => choice(el, 'Avez-vous un lieu', 'Non').checked, 'taken in');
    await until(() => /^Paul \(adjoint\) a modifié «\s?Avez-vous un lieu de médiation numérique/.test(live(el)), 'said politely');
    expect(el.shadowRoot!.querySelector('.sharing-status')!.getAttribute('aria-live')).to.equal('polite');

    // Both change it at once: Paul's reaches the server first, Marie's is refused as stale and she is told.
    sharing.colleague('lieu', 'oui');
    const conflict = oneEvent(el, 'barometre-shared-draft');
    await pick(choice(el, 'Avez-vous un lieu', 'Non'));
    await pick(choice(el, 'Avez-vous un lieu', 'Oui'));
    await pick(choice(el, 'Avez-vous un lieu', 'Non'));
    const said = ((await conflict) as CustomEvent<BarometreSharedDraftDetail>).detail;
    expect(said).to.include({ kind: 'conflict' });
    await until(() => live(el).includes('a changé cette réponse en même temps que vous'), 'conflict said');
    expect(live(el)).to.include('Paul (adjoint)');
    expect(choice(el, 'Avez-vous un lieu', 'Oui').checked).to.equal(true);
    expect(sharing.state.entries.get('lieu')?.value).to.equal('oui');
  });

  it('opens a draft from its link, which it clears from the address, with the keyboard alone', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#barometre-partage=inclusion.${RENNES.siret}.ABCD-EF12`);
    sharing.colleague('lieu', 'oui');
    const el = await mount({ definition: testDefinition });
    await until(() => sharingSection(el) !== null, 'panel loaded from the link');
    expect(location.hash).to.equal('');
    expect(field(el, 'Numéro SIRET').value.replace(/\s/g, '')).to.equal(RENNES.siret);
    expect(field(el, 'Code du brouillon partagé').value).to.equal('ABCD-EF12');
    field(el, 'Prénom').focus();
    await sendKeys({ type: 'Paul' });
    await sendKeys({ press: 'Enter' });
    await until(() => textOf(el).includes('Dernières modifications'), 'opened');
    await identify(el);
    expect(choice(el, 'Avez-vous un lieu', 'Oui').checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await mount({ definition: testDefinition, lang: 'en' });
    await identify(el, { lang: 'en', role: 'A member of staff' });
    button(el, 'Share with a colleague').click();
    await until(() => sharingSection(el) !== null, 'panel loaded');
    expect(textOf(el)).to.include('Answering together');
    await typeInto(field(el, 'First name'), 'Mary');
    button(el, 'Create the shared draft').click();
    await until(() => textOf(el).includes('ABCD-EF12'), 'shared');
    expect(textOf(el)).to.include('Send this link or this code');
  });
});
