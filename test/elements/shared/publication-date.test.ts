import { expect } from '@open-wc/testing';
import { PUBLICATION_TIME_ZONE, publicationDateText } from '../../../src/elements/shared/publication-date.js';
import { editionPublicationText, publicationText } from '../../../src/elements/shared/results/wording.js';

describe('publication dates in words', () => {
  it('writes the hour in French, and minutes only when they are not zero', () => {
    expect(publicationDateText('fr', '2026-12-06T13:00:00Z')).to.equal('6 décembre 2026 à 14 h');
    expect(publicationDateText('fr', '2026-12-06T13:30:00Z')).to.equal('6 décembre 2026 à 14 h 30');
    expect(publicationDateText('fr', '2026-12-06T13:05:00Z')).to.equal('6 décembre 2026 à 14 h 05');
    expect(publicationDateText('fr', '2026-12-06T13:00:59Z')).to.equal('6 décembre 2026 à 14 h');
  });

  it('writes the hour in English, with am or pm, and says it is Paris time', () => {
    expect(publicationDateText('en', '2026-12-06T13:00:00Z')).to.equal('6 December 2026, 2 pm (Paris time)');
    expect(publicationDateText('en', '2026-12-06T13:30:00Z')).to.equal('6 December 2026, 2:30 pm (Paris time)');
    expect(publicationDateText('en', '2026-12-06T08:05:00Z')).to.equal('6 December 2026, 9:05 am (Paris time)');
    expect(publicationDateText('en', '2026-12-06T11:00:00Z')).to.equal('6 December 2026, 12 pm (Paris time)');
    expect(publicationDateText('en', '2026-12-05T23:00:00Z')).to.equal('6 December 2026, 12 am (Paris time)');
  });

  it('follows Paris across the summer-time changes', () => {
    // Summer time starts on 29 March 2026 at 01:00 UTC: 13:00 UTC is 14 h the day before, 15 h the day after.
    expect(publicationDateText('fr', '2026-03-28T13:00:00Z')).to.equal('28 mars 2026 à 14 h');
    expect(publicationDateText('fr', '2026-03-29T13:00:00Z')).to.equal('29 mars 2026 à 15 h');
    expect(publicationDateText('en', '2026-03-29T13:00:00Z')).to.equal('29 March 2026, 3 pm (Paris time)');
    // It ends on 25 October 2026 at 01:00 UTC: 00:30 UTC is still summer time (2 h 30), 01:30 UTC winter time (2 h 30 again).
    expect(publicationDateText('fr', '2026-10-25T00:30:00Z')).to.equal('25 octobre 2026 à 2 h 30');
    expect(publicationDateText('fr', '2026-10-25T01:30:00Z')).to.equal('25 octobre 2026 à 2 h 30');
    expect(publicationDateText('fr', '2026-10-25T13:00:00Z')).to.equal('25 octobre 2026 à 14 h');
    expect(publicationDateText('fr', '2026-10-24T13:00:00Z')).to.equal('24 octobre 2026 à 15 h');
  });

  it('reads the Paris clock as the time-zone database does, every hour from 2024 to 2031 and around every change of the clocks', () => {
    const reference = (lang: 'fr' | 'en') =>
      new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: PUBLICATION_TIME_ZONE,
      });
    const formats = { fr: reference('fr'), en: reference('en') };
    const mismatches: string[] = [];
    const check = (time: number) => {
      for (const lang of ['fr', 'en'] as const) {
        const parts = Object.fromEntries(formats[lang].formatToParts(new Date(time)).map((part) => [part.type, part.value]));
        const text = publicationDateText(lang, new Date(time).toISOString());
        const day = lang === 'fr' && parts.day === '1' ? '1er' : parts.day;
        const hour = Number(parts.hour) % 24;
        const shown = lang === 'fr' ? `${day} ${parts.month} ${parts.year} à ${hour} h` : `${day} ${parts.month} ${parts.year}, ${hour % 12 === 0 ? 12 : hour % 12}`;
        if (!text.startsWith(shown)) mismatches.push(`${new Date(time).toISOString()} ${lang}: ${text} (Intl: ${shown}…)`);
      }
    };
    const HOUR = 3_600_000;
    for (let time = Date.UTC(2024, 0, 1); time < Date.UTC(2032, 0, 1); time += HOUR) {
      check(time);
      // Either side of a change at 01:00 UTC, to the minute.
      if (new Date(time).getUTCHours() === 1) for (const minutes of [-1, 1]) check(time + minutes * 60_000);
    }
    expect(mismatches.slice(0, 5)).to.deep.equal([]);
  });

  it('reads offsets, changes the day in Paris when it must, and writes the first of a month as French does', () => {
    expect(publicationDateText('fr', '2026-12-06T15:00:00+01:00')).to.equal('6 décembre 2026 à 15 h');
    expect(publicationDateText('fr', '2026-11-30T23:30:00Z')).to.equal('1er décembre 2026 à 0 h 30');
    expect(publicationDateText('en', '2026-11-30T23:30:00Z')).to.equal('1 December 2026, 12:30 am (Paris time)');
    expect(publicationDateText('fr', '2026-12-31T23:00:00Z')).to.equal('1er janvier 2027 à 0 h');
  });

  it('keeps an unreadable date as given rather than hiding it', () => {
    expect(publicationDateText('fr', 'bientôt')).to.equal('bientôt');
  });

  it('makes the sentence every element writes', () => {
    const publication = { id: '2026-12-06T13-00-00Z', publishedAt: '2026-12-06T13:30:00Z' };
    expect(publicationText('fr', publication)).to.equal('Résultats arrêtés au 6 décembre 2026 à 14 h 30');
    expect(publicationText('en', publication)).to.equal('Results as of 6 December 2026, 2:30 pm (Paris time)');
  });

  it('names the edition beside the date, in French and English; a publication made before editions, its date alone', () => {
    const publication = { id: '2026-12-06T13-00-00Z', publishedAt: '2026-12-06T13:30:00Z', edition: '2026' };
    expect(editionPublicationText('fr', publication)).to.equal('Édition 2026 : Résultats arrêtés au 6 décembre 2026 à 14 h 30');
    expect(editionPublicationText('en', publication)).to.equal('2026 edition: Results as of 6 December 2026, 2:30 pm (Paris time)');
    const { edition: _edition, ...older } = publication;
    expect(editionPublicationText('fr', older)).to.equal('Résultats arrêtés au 6 décembre 2026 à 14 h 30');
  });
});
