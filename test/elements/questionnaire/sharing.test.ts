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
 * answer, every change applied (the last one wins) and the answers replaced unseen named back,
 * as the reference server does.
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
    const replaced: { key: string; by: Entry['by']; at: string }[] = [];
    for (const change of body.changes as { key: string; value: unknown; base: number }[]) {
      const current = state.entries.get(change.key);
      if (current !== undefined && current.version > change.base) replaced.push({ key: change.key, by: current.by, at: current.at });
      state.entries.set(change.key, { key: change.key, value: change.value, version: (current?.version ?? 0) + 1, by: body.author, at: new Date().toISOString() });
    }
    return answer(200, { draft: view(), replaced });
  };
  return {
    state,
    /** A colleague's change, made on the server (by default on 6 December at 14 h 32 in Paris). */
    colleague(key: string, value: unknown, by = { name: 'Paul', role: 'adjoint' }, at = '2026-12-06T13:32:00.000Z') {
      const current = state.entries.get(key);
      state.entries.set(key, { key, value, version: (current?.version ?? 0) + 1, by, at });
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

  it('takes a colleague’s change in on refresh and says it politely; the last change wins and its writer is told whose answer it replaced', async () => {
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

    // Both change it: Paul's reaches the server first, Marie's comes last and wins; she is told whose answer hers replaced.
    const paulAt = new Date();
    paulAt.setHours(14, 2, 0, 0);
    sharing.colleague('lieu', 'oui', { name: 'Paul', role: 'adjoint' }, paulAt.toISOString());
    const replaced = oneEvent(el, 'barometre-shared-draft');
    await pick(choice(el, 'Avez-vous un lieu', 'Oui'));
    await pick(choice(el, 'Avez-vous un lieu', 'Non'));
    const said = ((await replaced) as CustomEvent<BarometreSharedDraftDetail>).detail;
    expect(said).to.include({ kind: 'replaced' });
    expect(said.keys).to.deep.equal(['lieu']);
    await until(() => live(el).includes('remplace celle de'), 'replacement said');
    expect(live(el)).to.match(/^Votre réponse à «\s?Avez-vous un lieu de médiation numérique.\?\s» remplace celle de Paul \(adjoint\), modifiée à 14 h 02\.$/);
    expect(choice(el, 'Avez-vous un lieu', 'Non').checked).to.equal(true);
    expect(sharing.state.entries.get('lieu')).to.include({ value: 'non', version: 4 });
    expect(sharing.state.entries.get('lieu')?.by).to.deep.equal({ name: 'Marie' });
  });

  it('a change typed while the previous one is on its way is sent on the version just written: it replaces nobody', async () => {
    const el = await mount({ definition: testDefinition });
    await identify(el);
    await pick(choice(el, 'Avez-vous un lieu', 'Oui'));
    button(el, 'Partager avec un collègue').click();
    await until(() => sharingSection(el) !== null, 'panel loaded');
    await typeInto(field(el, 'Prénom'), 'Marie');
    button(el, 'Créer le brouillon partagé').click();
    await until(() => textOf(el).includes('ABCD-EF12'), 'shared');
    // The server answers the first write slowly; Marie changes her answer again meanwhile.
    const fast = window.fetch;
    let slow = true;
    window.fetch = async (input, init) => {
      if (slow && init?.method === 'PATCH') {
        slow = false;
        await new Promise((resolve) => setTimeout(resolve, 400));
      }
      return fast(input, init);
    };
    try {
      await pick(choice(el, 'Avez-vous un lieu', 'Non'));
      await until(() => sharing.state.writes.length === 1, 'first write on its way', 3000);
      await pick(choice(el, 'Avez-vous un lieu', 'Oui'));
      await until(() => sharing.state.writes.length === 2, 'second write sent', 4000);
      await settle(20);
    } finally {
      window.fetch = fast;
    }
    const bases = (sharing.state.writes as { changes: { base: number }[] }[]).map((write) => write.changes[0]!.base);
    expect(bases).to.deep.equal([1, 2]);
    expect(live(el)).not.to.include('remplace');
    expect(sharing.state.entries.get('lieu')).to.include({ value: 'oui', version: 3 });
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
    // Paul changed the answer the day before; Mary, not having seen it, changes it too: hers wins and she is told.
    sharing.colleague('lieu', 'oui', { name: 'Paul', role: 'adjoint' }, '2026-12-05T09:05:00.000Z');
    await pick(choice(el, 'Do you have a digital mediation place', 'No'));
    await until(() => live(el).includes('replaces'), 'replacement said');
    expect(live(el)).to.match(/^Your answer to “Do you have a digital mediation place\?” replaces the one Paul \(adjoint\) gave on 5 December at \d{2}:05\.$/);
  });
});
