import { expect } from '@open-wc/testing';
import { classOf, parseThresholds, quantileScale, thresholdScale } from '../../../src/elements/carte/classes.js';
import { loadMapGeometry } from '../../../src/elements/carte/geometry-loader.js';
import { indexForKey, TypeAhead } from '../../../src/elements/carte/keyboard.js';
import { insetOrder, territoriesOf, territoryAt } from '../../../src/elements/carte/territories.js';

/** The browser index of the referential, generated from the official geographic code by `npm run referential`. */
interface ReferentialIndex {
  regions: [code: string, name: string, siren: string, population: number][];
  departements: [code: string, name: string, regionCode: string, siren: string, population: number][];
}

describe('<barometre-carte> parts', () => {
  describe('territories', () => {
    it('agree with the generated referential: codes, names and régions', async () => {
      const response = await fetch('/generated/referential/index.json');
      expect(response.ok, 'generated/referential/index.json is missing: run `npm run referential`').to.equal(true);
      const index = (await response.json()) as ReferentialIndex;
      const departements = territoriesOf('departement');
      expect(departements.map((one) => [one.code, one.name]).sort()).to.deep.equal(index.departements.map(([code, name]) => [code, name]).sort());
      const regions = territoriesOf('region');
      expect(regions.map((one) => [one.code, one.name]).sort()).to.deep.equal(index.regions.map(([code, name]) => [code, name]).sort());
      for (const [code, , regionCode] of index.departements) {
        expect(territoryAt('region', `departement:${code}`), code).to.equal(`region:${regionCode}`);
      }
    });

    it('follow département numbers (2A and 2B after 19, overseas last) and région names', () => {
      const codes = territoriesOf('departement').map((one) => one.code);
      expect(codes.slice(17, 22)).to.deep.equal(['18', '19', '2A', '2B', '21']);
      expect(codes.slice(-6)).to.deep.equal(['95', '971', '972', '973', '974', '976']);
      const names = territoriesOf('region').map((one) => one.name);
      expect(names).to.deep.equal([...names].sort((a, b) => a.localeCompare(b, 'fr')));
      expect(territoriesOf('region').filter((one) => one.overseas).map((one) => one.code)).to.deep.equal(['01', '03', '04', '02', '06']);
    });

    it('put the overseas insets in one order at both levels', () => {
      expect(insetOrder(territoriesOf('departement')).map((one) => one.name)).to.deep.equal(['Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte']);
      expect(insetOrder(territoriesOf('region')).map((one) => one.name)).to.deep.equal(['Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte']);
    });

    it('find the territory of the map that contains a current territory', () => {
      expect(territoryAt('departement', 'departement:35')).to.equal('departement:35');
      expect(territoryAt('departement', 'commune:35238')).to.equal('departement:35');
      expect(territoryAt('departement', 'commune:97411')).to.equal('departement:974');
      expect(territoryAt('region', 'commune:2A004')).to.equal('region:94');
      expect(territoryAt('region', 'region:53')).to.equal('region:53');
      expect(territoryAt('departement', 'region:53')).to.equal(undefined);
      expect(territoryAt('departement', 'epci:243500139')).to.equal(undefined);
      expect(territoryAt('region', 'france')).to.equal(undefined);
    });
  });

  describe('geometry', () => {
    it('has a shape for every metropolitan territory and none for overseas ones', async () => {
      const geometry = await loadMapGeometry();
      for (const level of ['departement', 'region'] as const) {
        const paths = geometry.shapesAt(level);
        const metropolitan = territoriesOf(level).filter((one) => !one.overseas);
        expect([...paths.keys()].sort()).to.deep.equal(metropolitan.map((one) => one.id).sort());
      }
      expect(geometry.VIEW_BOX).to.equal('0 0 613 585');
    });

    it('has an inset outline for every overseas territory, and none for metropolitan ones', async () => {
      const geometry = await loadMapGeometry();
      for (const level of ['departement', 'region'] as const) {
        const overseas = territoriesOf(level).filter((one) => one.overseas);
        expect([...geometry.insetsAt(level).keys()].sort()).to.deep.equal(overseas.map((one) => one.id).sort());
        for (const outline of geometry.insetsAt(level).values()) {
          expect(Math.max(outline.width, outline.height)).to.equal(100);
          expect(outline.path).to.match(/^M[\d.]+ [\d.]+L/);
        }
      }
    });

    it('draws a région over exactly the area of its départements', async () => {
      const geometry = await loadMapGeometry();
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.setAttribute('viewBox', geometry.VIEW_BOX);
      document.body.append(svg);
      const box = (d: string) => {
        const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
        path.setAttribute('d', d);
        svg.append(path);
        return path.getBBox();
      };
      try {
        const region = territoriesOf('region').find((one) => one.code === '84')!;
        const union = region.departements.map((code) => box(geometry.shapesAt('departement').get(`departement:${code}`)!));
        const expected = {
          left: Math.min(...union.map((one) => one.x)),
          top: Math.min(...union.map((one) => one.y)),
          right: Math.max(...union.map((one) => one.x + one.width)),
          bottom: Math.max(...union.map((one) => one.y + one.height)),
        };
        const drawn = box(geometry.shapesAt('region').get('region:84')!);
        expect(drawn.x).to.be.closeTo(expected.left, 0.01);
        expect(drawn.y).to.be.closeTo(expected.top, 0.01);
        expect(drawn.x + drawn.width).to.be.closeTo(expected.right, 0.01);
        expect(drawn.y + drawn.height).to.be.closeTo(expected.bottom, 0.01);
      } finally {
        svg.remove();
      }
    });
  });

  describe('classes', () => {
    it('cut quintiles at whole percents', () => {
      const scale = quantileScale([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
      expect(scale.classes.map((one) => [one.lower, one.upper, one.colour])).to.deep.equal([
        [10, 28, 1],
        [28, 46, 2],
        [46, 64, 3],
        [64, 82, 4],
        [82, 100, 5],
      ]);
      expect(classOf(scale, 27.9)?.colour).to.equal(1);
      expect(classOf(scale, 28)?.colour).to.equal(2);
      expect(classOf(scale, 100)?.colour).to.equal(5);
    });

    it('merge classes when values are few, spreading colours over the ramp', () => {
      expect(quantileScale([]).classes).to.deep.equal([]);
      expect(quantileScale([26, 26, 26]).classes).to.deep.equal([{ lower: 26, upper: 26, last: true, colour: 3 }]);
      const two = quantileScale([10, 10, 10, 40, 40, 40]);
      expect(two.classes.map((one) => [one.lower, one.upper, one.colour])).to.deep.equal([
        [10, 40, 1],
        [40, 40, 5],
      ]);
      expect(classOf(two, 10)?.colour).to.equal(1);
      expect(classOf(two, 40)?.colour).to.equal(5);
    });

    it('read fixed bounds, or refuse them whole', () => {
      expect(parseThresholds('20 40, 60 80')).to.deep.equal([20, 40, 60, 80]);
      expect(parseThresholds('30 10')).to.deep.equal([10, 30]);
      for (const bad of ['', '0 50', '50 100', '10 20 30 40 50', '20 20', 'abc']) expect(parseThresholds(bad), bad).to.equal(undefined);
      expect(thresholdScale([25, 50]).classes.map((one) => [one.lower, one.upper, one.colour])).to.deep.equal([
        [0, 25, 1],
        [25, 50, 3],
        [50, 100, 5],
      ]);
    });
  });

  describe('keyboard', () => {
    it('maps keys to moves within bounds', () => {
      expect(indexForKey('ArrowRight', 3, 10)).to.equal(4);
      expect(indexForKey('ArrowDown', 9, 10)).to.equal(9);
      expect(indexForKey('ArrowLeft', 0, 10)).to.equal(0);
      expect(indexForKey('Home', 5, 10)).to.equal(0);
      expect(indexForKey('End', 5, 10)).to.equal(9);
      expect(indexForKey('PageDown', 5, 10)).to.equal(9);
      expect(indexForKey('a', 5, 10)).to.equal(undefined);
    });

    it('finds names without accents, codes by their digits, and cycles on a repeated letter', () => {
      const items = territoriesOf('departement');
      const typeAhead = new TypeAhead();
      const indexOf = (code: string) => items.findIndex((one) => one.code === code);
      const at = (index: number | undefined) => (index === undefined ? undefined : items[index]!.code);
      // "co" finds Corrèze, then "cote" Côte-d'Or (accents ignored).
      expect(at(typeAhead.find('c', items, 0, 1000))).to.equal('14');
      expect(at(typeAhead.find('o', items, indexOf('14'), 1100))).to.equal('19');
      expect(at(typeAhead.find('t', items, indexOf('19'), 1200))).to.equal('21');
      expect(at(typeAhead.find('e', items, indexOf('21'), 1300))).to.equal('21');
      // A repeated letter moves on to the next territory starting with it.
      expect(at(typeAhead.find('c', items, indexOf('21'), 5000))).to.equal('22');
      expect(at(typeAhead.find('c', items, indexOf('22'), 5100))).to.equal('23');
      // Numbers: "2b" is Haute-Corse, "97" then "4" La Réunion.
      expect(at(typeAhead.find('2', items, 0, 9000))).to.equal('2A');
      expect(at(typeAhead.find('b', items, indexOf('2A'), 9100))).to.equal('2B');
      expect(at(typeAhead.find('9', items, 0, 20000))).to.equal('90');
      expect(at(typeAhead.find('7', items, indexOf('90'), 20100))).to.equal('971');
      expect(at(typeAhead.find('4', items, indexOf('971'), 20200))).to.equal('974');
      expect(typeAhead.find('x', items, 0, 30000)).to.equal(undefined);
    });
  });
});
