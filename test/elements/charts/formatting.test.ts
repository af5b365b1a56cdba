import { expect } from '@open-wc/testing';
import { buildCsv, csvCell } from '../../../src/elements/shared/results/csv.js';
import { formatShare, roundPercent, toDecimals } from '../../../src/elements/shared/results/percent.js';
import { parseList, resultsUrl } from '../../../src/elements/shared/results/results-query.js';
import { fileNameOf } from '../../../src/elements/shared/results/save-file.js';
import { wrapLabel } from '../../../src/elements/territoire-chart/chart-config.js';
import { parseCsv } from '../../helpers/csv.js';

describe('results formatting', () => {
  it('writes percentages as French and English readers do', () => {
    expect(formatShare('fr', 0.26)).to.equal('26\u202f%');
    expect(formatShare('en', 0.26)).to.equal('26%');
    expect(formatShare('fr', 0.2602, 1)).to.equal('26,0\u202f%');
    expect(formatShare('en', 0.2655, 1)).to.equal('26.6%');
    expect(formatShare('fr', 1)).to.equal('100\u202f%');
  });

  it('rounds printed halves up despite binary noise', () => {
    expect(roundPercent(0.285)).to.equal(29);
    expect(roundPercent(0.2855, 1)).to.equal(28.6);
    expect(roundPercent(0.0049)).to.equal(0);
    expect(roundPercent(0.1449, 1)).to.equal(14.5);
  });

  it('reads the decimales attribute within 0 to 2', () => {
    expect([toDecimals('1'), toDecimals(undefined), toDecimals('abc'), toDecimals('7'), toDecimals(-1)]).to.deep.equal([1, 0, 0, 2, 0]);
  });

  it('quotes and neutralises CSV cells', () => {
    expect(csvCell('Bretagne')).to.equal('Bretagne');
    expect(csvCell('a;b')).to.equal('"a;b"');
    expect(csvCell('dit "oui"')).to.equal('"dit ""oui"""');
    expect(csvCell('ligne\nsuivante')).to.equal('"ligne\nsuivante"');
    for (const dangerous of ['=1+1', '+33', '-2', '@SUM(A1)', '\tx']) expect(csvCell(dangerous).startsWith("'")).to.equal(true);
    expect(csvCell(26)).to.equal('26');
    expect(csvCell(null)).to.equal('');
  });

  it('builds a file that reads back to the same cells', () => {
    const rows = [
      ['Réponse', 'Côtes-d’Armor (%)', 'x;y'],
      ['Oui', '12,5', '=cmd'],
    ];
    const csv = buildCsv(rows);
    expect(csv.startsWith('\uFEFF')).to.equal(true);
    expect(csv.endsWith('\r\n')).to.equal(true);
    expect(parseCsv(csv, ';')).to.deep.equal([
      ['Réponse', 'Côtes-d’Armor (%)', 'x;y'],
      ['Oui', '12,5', "'=cmd"],
    ]);
  });

  it('accepts spaces or commas between comparisons and sends commas', () => {
    expect(parseList(' region  france,similaires,france ')).to.deep.equal(['region', 'france', 'similaires']);
    const url = new URL(
      resultsUrl('https://x.test/api', { theme: 'cybersecurite', territoire: 'epci:243500139', comparer: ['region', 'france'], question: 'rssi', ponderation: 'redressee' }),
    );
    expect(url.pathname).to.equal('/api/resultats/cybersecurite');
    expect(url.searchParams.get('comparer')).to.equal('region,france');
    expect(url.searchParams.get('territoire')).to.equal('epci:243500139');
  });

  it('names downloaded files with safe characters', () => {
    expect(fileNameOf(['barometre', 'cybersecurite', 'rssi', 'departement:2A'], 'csv')).to.equal('barometre_cybersecurite_rssi_departement-2a.csv');
    expect(fileNameOf([undefined], 'png')).to.equal('barometre.png');
  });

  it('wraps long axis labels at spaces', () => {
    expect(wrapLabel('Accompagnement aux compétences numériques ou aux démarches administratives', 28)).to.deep.equal([
      'Accompagnement aux',
      'compétences numériques ou',
      'aux démarches',
      'administratives',
    ]);
    expect(wrapLabel('Non')).to.deep.equal(['Non']);
  });
});
