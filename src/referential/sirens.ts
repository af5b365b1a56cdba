import type { TerritoryId } from '../core/territory/territory-id.js';

/*
 * SIRENs of the collectivités above the commune, which the official geography package lacks.
 *
 * Source: INSEE, répertoire SIRENE (unités légales of catégorie juridique 7220 "département",
 * 7230 "région" and the collectivités à statut particulier), as published by the State's
 * "Annuaire des entreprises". Kept by hand: about 120 rows that change only when a law merges
 * two levels (2015 Paris, Lyon; 2016 Guyane, Martinique; 2018 Corse; 2021 Alsace).
 * Every value is Luhn-checked by the unit tests, and every département and région of the
 * official geography must be governed by exactly one row below.
 *
 * Most département councils follow the pattern 22 + code + 0001 + key; the ones that do not
 * (Aisne, Ardennes, Calvados, Essonne, Hauts-de-Seine…) are the register's own numbers, not typos.
 */

/** SIREN of each département council, by département code (départements governed by a csp excluded). */
export const DEPARTEMENT_COUNCIL_SIRENS: Readonly<Record<string, string>> = {
  '01': '220100010', // Ain
  '02': '220200026', // Aisne
  '03': '220300016', // Allier
  '04': '220400014', // Alpes-de-Haute-Provence
  '05': '220500011', // Hautes-Alpes
  '06': '220600019', // Alpes-Maritimes
  '07': '220700017', // Ardèche
  '08': '220800049', // Ardennes
  '09': '220900013', // Ariège
  '10': '221000052', // Aube
  '11': '221100019', // Aude
  '12': '221200017', // Aveyron
  '13': '221300015', // Bouches-du-Rhône
  '14': '221401185', // Calvados
  '15': '221500010', // Cantal
  '16': '221600018', // Charente
  '17': '221700016', // Charente-Maritime
  '18': '221800014', // Cher
  '19': '221927205', // Corrèze
  '21': '222100018', // Côte-d'Or
  '22': '222200016', // Côtes-d'Armor
  '23': '222309627', // Creuse
  '24': '222400012', // Dordogne
  '25': '222500019', // Doubs
  '26': '222600017', // Drôme
  '27': '222702292', // Eure
  '28': '222800013', // Eure-et-Loir
  '29': '222900011', // Finistère
  '30': '223000019', // Gard
  '31': '223100017', // Haute-Garonne
  '32': '223200015', // Gers
  '33': '223300013', // Gironde
  '34': '223400011', // Hérault
  '35': '223500018', // Ille-et-Vilaine
  '36': '223600016', // Indre
  '37': '223700014', // Indre-et-Loire
  '38': '223800012', // Isère
  '39': '223900010', // Jura
  '40': '224000018', // Landes
  '41': '224100016', // Loir-et-Cher
  '42': '224200014', // Loire
  '43': '224300012', // Haute-Loire
  '44': '224400028', // Loire-Atlantique
  '45': '224500017', // Loiret
  '46': '224600015', // Lot
  '47': '224700013', // Lot-et-Garonne
  '48': '224800011', // Lozère
  '49': '224900019', // Maine-et-Loire
  '50': '225005024', // Manche
  '51': '225100015', // Marne
  '52': '225200013', // Haute-Marne
  '53': '225300011', // Mayenne
  '54': '225400019', // Meurthe-et-Moselle
  '55': '225500016', // Meuse
  '56': '225600014', // Morbihan
  '57': '225700012', // Moselle
  '58': '225800010', // Nièvre
  '59': '225900018', // Nord
  '60': '226000016', // Oise
  '61': '226100014', // Orne
  '62': '226200012', // Pas-de-Calais
  '63': '226300010', // Puy-de-Dôme
  '64': '226400018', // Pyrénées-Atlantiques
  '65': '226500015', // Hautes-Pyrénées
  '66': '226600013', // Pyrénées-Orientales
  '69': '226900017', // Rhône
  '70': '227000015', // Haute-Saône
  '71': '227100013', // Saône-et-Loire
  '72': '227200029', // Sarthe
  '73': '227300019', // Savoie
  '74': '227400017', // Haute-Savoie
  '76': '227605409', // Seine-Maritime
  '77': '227700010', // Seine-et-Marne
  '78': '227806460', // Yvelines
  '79': '227900016', // Deux-Sèvres
  '80': '228000014', // Somme
  '81': '228100012', // Tarn
  '82': '228200010', // Tarn-et-Garonne
  '83': '228300018', // Var
  '84': '228400016', // Vaucluse
  '85': '228500013', // Vendée
  '86': '228600011', // Vienne
  '87': '228708517', // Haute-Vienne
  '88': '228800017', // Vosges
  '89': '228900015', // Yonne
  '90': '229000013', // Territoire de Belfort
  '91': '229102280', // Essonne
  '92': '229200506', // Hauts-de-Seine
  '93': '229300082', // Seine-Saint-Denis
  '94': '229400288', // Val-de-Marne
  '95': '229501275', // Val-d'Oise
  '971': '229710017', // Guadeloupe
  '974': '229740014', // La Réunion
};

/** SIREN of each regional council, by région code (régions governed by a csp excluded). */
export const REGION_COUNCIL_SIRENS: Readonly<Record<string, string>> = {
  '01': '239710015', // Guadeloupe
  '04': '239740012', // La Réunion
  '11': '237500079', // Île-de-France
  '24': '234500023', // Centre-Val de Loire
  '27': '200053726', // Bourgogne-Franche-Comté (created 2016)
  '28': '200053403', // Normandie (created 2016)
  '32': '200053742', // Hauts-de-France (created 2016)
  '44': '200052264', // Grand Est (created 2016)
  '52': '234400034', // Pays de la Loire
  '53': '233500016', // Bretagne
  '75': '200053759', // Nouvelle-Aquitaine (created 2016)
  '76': '200053791', // Occitanie (created 2016)
  '84': '200053767', // Auvergne-Rhône-Alpes (created 2016)
  '93': '231300021', // Provence-Alpes-Côte d'Azur
};

/** A collectivité à statut particulier: one body holding the powers of two levels. */
export interface SpecialStatusCollectivite {
  readonly siren: string;
  /** Its legal name, which no geography file carries. */
  readonly name: string;
  /** The territory it answers for in comparisons. */
  readonly territoryId: TerritoryId;
  /** Every territory whose collectivité it is (its own territory first). */
  readonly governs: readonly TerritoryId[];
  /**
   * The département on part of whose area it holds the département's powers: that département's
   * council governs the rest only (the Département du Rhône, outside the Métropole de Lyon).
   */
  readonly departementPowersIn?: string;
}

/**
 * The collectivités à statut particulier. The Métropole de Lyon also holds département powers on
 * its own area, which is not a département of the official geography: it governs its EPCI territory.
 * The Collectivité européenne d'Alsace answers for both Rhin départements; comparisons place it at
 * its seat, Strasbourg (67).
 */
export const SPECIAL_STATUS_COLLECTIVITES: readonly SpecialStatusCollectivite[] = [
  { siren: '217500016', name: 'Ville de Paris', territoryId: 'commune:75056', governs: ['commune:75056', 'departement:75'] },
  { siren: '200046977', name: 'Métropole de Lyon', territoryId: 'epci:200046977', governs: ['epci:200046977'], departementPowersIn: '69' },
  {
    siren: '200094332',
    name: 'Collectivité européenne d’Alsace',
    territoryId: 'departement:67',
    governs: ['departement:67', 'departement:68'],
  },
  {
    siren: '200076958',
    name: 'Collectivité de Corse',
    territoryId: 'region:94',
    governs: ['region:94', 'departement:2A', 'departement:2B'],
  },
  {
    siren: '200055507',
    name: 'Collectivité territoriale de Martinique',
    territoryId: 'region:02',
    governs: ['region:02', 'departement:972'],
  },
  {
    siren: '200052678',
    name: 'Collectivité territoriale de Guyane',
    territoryId: 'region:03',
    governs: ['region:03', 'departement:973'],
  },
  { siren: '229850003', name: 'Département de Mayotte', territoryId: 'departement:976', governs: ['departement:976', 'region:06'] },
];
