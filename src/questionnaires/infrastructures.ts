import type { QuestionnaireDefinition } from '../core/schema/questionnaire.js';
import { loc, numberBin, option } from './builders.js';
import { dontKnow, respondentFunction } from './common.js';
import { glossary } from './glossary.js';

/** Wave 2 — digital infrastructure: fixed and mobile coverage, public wifi, schools, the authority's own equipment. */
export const infrastructuresDefinition = {
  theme: 'infrastructures',
  version: '2.0.0',
  wave: 2,
  estimatedMinutes: 6,
  title: loc('Infrastructures numériques du territoire', 'Digital infrastructure of the territory'),
  description: loc(
    'La couverture en fibre et en téléphonie mobile, les équipements publics et le parc informatique de la collectivité.',
    'Fibre and mobile coverage, public facilities, and the authority’s own IT equipment.',
  ),
  sections: [
    {
      id: 'couverture',
      title: loc('Couverture du territoire', 'Coverage of the territory'),
      questions: [
        respondentFunction(),
        {
          id: 'couverture_fibre',
          kind: 'single',
          headline: true,
          label: loc(
            'Quelle part des logements de votre territoire peut être raccordée à la fibre optique ?',
            'What share of homes in your area can be connected to fibre?',
          ),
          help: loc(
            'La carte « Ma connexion internet » de l’Arcep donne cette information commune par commune.',
            'The Arcep map "Ma connexion internet" gives this figure for each commune.',
          ),
          options: [
            option('presque_tous', 'Tous ou presque : 90 % ou plus', 'All or nearly all: 90% or more'),
            option('majorite', 'La moitié ou plus, mais moins de 90 %', 'Half or more, but under 90%'),
            option('minorite', 'Moins de la moitié, mais au moins un logement', 'Under half, but at least one home'),
            option('aucun', 'Aucun logement', 'No home'),
            option('nsp', 'Je ne sais pas', 'I don’t know'),
          ],
        },
        {
          id: 'batiments_fibres',
          kind: 'single',
          label: loc(
            'Les bâtiments de la collectivité (mairie, écoles, équipements) sont-ils raccordés à la fibre ?',
            'Are the authority’s buildings (town hall, schools, facilities) connected to fibre?',
          ),
          options: [
            option('tous', 'Tous', 'All of them'),
            option('certains', 'Certains', 'Some'),
            option('aucun', 'Aucun', 'None'),
            option('nsp', 'Je ne sais pas', 'I don’t know'),
          ],
        },
        {
          id: 'zones_sans_4g',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Reste-t-il sur votre territoire des zones mal couvertes en téléphonie mobile 4G ?',
            'Are there still areas in your territory with poor 4G mobile coverage?',
          ),
          help: loc(
            'Des zones où l’on ne peut pas téléphoner ou utiliser internet sur un téléphone dans de bonnes conditions.',
            'Areas where you cannot make calls or use mobile internet properly.',
          ),
        },
        {
          id: 'signalement_zones',
          kind: 'yesno',
          visibleIf: { question: 'zones_sans_4g', equals: 'oui' },
          label: loc(
            'Avez-vous signalé ces zones à l’équipe chargée de la couverture mobile dans votre département ?',
            'Have you reported these areas to the team in charge of mobile coverage in your département?',
          ),
          help: loc(
            'Dans chaque département, une équipe réunissant l’État et les collectivités recense les besoins et propose les sites à équiper par les opérateurs.',
            'In each département, a team bringing together the State and local authorities lists needs and proposes sites for operators to equip.',
          ),
        },
      ],
    },
    {
      id: 'equipements_publics',
      title: loc('Wifi public et écoles', 'Public wifi and schools'),
      questions: [
        {
          id: 'wifi_public',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Proposez-vous un accès wifi public et gratuit dans des lieux publics ?',
            'Do you offer free public wifi in public places?',
          ),
        },
        {
          id: 'lieux_wifi',
          kind: 'multiple',
          visibleIf: { question: 'wifi_public', equals: 'oui' },
          label: loc('Où ?', 'Where?'),
          options: [
            option('mairie', 'À la mairie ou au siège de la collectivité', 'At the town hall or the authority’s headquarters'),
            option('bibliotheque', 'En bibliothèque ou médiathèque', 'In libraries or media libraries'),
            option('espaces_exterieurs', 'Sur des places ou espaces extérieurs', 'In squares or outdoor spaces'),
            option('equipements', 'Dans des équipements sportifs, culturels ou touristiques', 'In sports, cultural or tourist facilities'),
            option('autre', 'Ailleurs', 'Elsewhere'),
          ],
          otherSpecify: true,
        },
        {
          id: 'nombre_etablissements_scolaires',
          kind: 'number',
          label: loc(
            'Combien d’établissements scolaires votre collectivité équipe-t-elle ?',
            'How many schools does your authority equip?',
          ),
          help: loc(
            'Écoles pour une commune ou une intercommunalité, collèges pour un département, lycées pour une région. Indiquez 0 si vous n’en avez pas la charge.',
            'Primary schools for a commune or an intercommunal body, lower secondary schools for a département, upper secondary schools for a region. Enter 0 if you are not in charge of any.',
          ),
          min: 0,
          max: 5000,
          integer: true,
          unit: loc('établissements', 'schools'),
          bins: [
            numberBin('aucun', 'Aucun', 'None', 0),
            numberBin('un', 'Un', 'One', 1),
            numberBin('de_2_a_4', 'De 2 à 4', '2 to 4', 4),
            numberBin('de_5_a_19', 'De 5 à 19', '5 to 19', 19),
            numberBin('au_moins_20', '20 ou plus', '20 or more'),
          ],
        },
        {
          id: 'equipement_scolaire',
          kind: 'multiple',
          visibleIf: { question: 'nombre_etablissements_scolaires', gt: 0 },
          label: loc(
            'De quels équipements numériques ces établissements disposent-ils ?',
            'What digital equipment do these schools have?',
          ),
          help: loc(
            'ENT : espace numérique de travail, un site sécurisé partagé par les élèves, les familles et les enseignants.',
            'ENT: a secure online workspace shared by pupils, families and teachers.',
          ),
          options: [
            option('ecrans_interactifs', 'Écrans ou tableaux numériques interactifs', 'Interactive screens or whiteboards'),
            option('classes_mobiles', 'Tablettes ou ordinateurs portables pour les élèves', 'Tablets or laptops for pupils'),
            option('tres_haut_debit', 'Connexion internet à très haut débit', 'Very-high-speed internet connection'),
            option('ent', 'Un ENT', 'An ENT'),
            option('aucun', 'Aucun de ces équipements', 'None of these'),
          ],
          exclusive: 'aucun',
        },
        {
          id: 'aide_equipement_scolaire',
          kind: 'yesno',
          visibleIf: { question: 'nombre_etablissements_scolaires', gte: 1 },
          label: loc(
            'Avez-vous reçu une aide de l’État pour équiper ces établissements au cours des cinq dernières années ?',
            'Have you received State funding to equip these schools in the last five years?',
          ),
        },
      ],
    },
    {
      id: 'parc_informatique',
      title: loc('Parc informatique de la collectivité', 'The authority’s IT equipment'),
      questions: [
        {
          id: 'nombre_postes',
          kind: 'single',
          label: loc(
            'Combien d’ordinateurs (fixes ou portables) la collectivité met-elle à disposition de ses agents et élus ?',
            'How many computers (desktops or laptops) does the authority provide for its staff and councillors?',
          ),
          help: loc('Un ordre de grandeur suffit.', 'A rough figure is enough.'),
          // Ranges rather than a count: few respondents know it exactly, and the ranges are the
          // ones its figures were always published in (same codes).
          options: [
            option('aucun', 'Aucun', 'None'),
            option('de_1_a_4', 'De 1 à 4', '1 to 4'),
            option('de_5_a_19', 'De 5 à 19', '5 to 19'),
            option('de_20_a_99', 'De 20 à 99', '20 to 99'),
            option('de_100_a_499', 'De 100 à 499', '100 to 499'),
            option('au_moins_500', '500 ou plus', '500 or more'),
            dontKnow(),
          ],
        },
        {
          id: 'age_parc',
          kind: 'single',
          visibleIf: { not: { question: 'nombre_postes', equals: 'aucun' } },
          label: loc('Quel est l’âge moyen de ces ordinateurs ?', 'What is the average age of these computers?'),
          options: [
            option('moins_3_ans', 'Moins de 3 ans', 'Under 3 years'),
            option('de_3_a_5_ans', 'De 3 à 5 ans', '3 to 5 years'),
            option('plus_5_ans', 'Plus de 5 ans', 'Over 5 years'),
            option('nsp', 'Je ne sais pas', 'I don’t know'),
          ],
        },
        {
          id: 'gestion_parc',
          kind: 'multiple',
          label: loc(
            'Qui gère le parc informatique ? Cochez tout ce qui s’applique.',
            'Who manages the IT equipment? Tick all that apply.',
          ),
          help: glossary.opsn,
          options: [
            option('service_interne', 'Un service informatique interne', 'An in-house IT department'),
            option('opsn', 'Un OPSN', 'An OPSN'),
            option('prestataire', 'Un prestataire privé', 'A private contractor'),
            option('non_specialiste', 'Un agent ou un élu non spécialiste', 'A non-specialist staff member or councillor'),
            dontKnow(),
          ],
          exclusive: 'nsp',
        },
        {
          id: 'materiel_reconditionne',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Achetez-vous du matériel informatique reconditionné ?',
            'Do you buy refurbished IT equipment?',
          ),
          help: loc(
            'Du matériel d’occasion remis en état, testé et garanti par un professionnel.',
            'Second-hand equipment restored, tested and guaranteed by a professional.',
          ),
        },
        {
          id: 'materiel_fin_de_vie',
          kind: 'multiple',
          label: loc(
            'Que devient le matériel informatique dont vous n’avez plus l’usage ?',
            'What happens to IT equipment you no longer use?',
          ),
          help: loc(
            'DEEE : déchets d’équipements électriques et électroniques, collectés par des filières agréées.',
            'WEEE: waste electrical and electronic equipment, collected by approved schemes.',
          ),
          options: [
            option('don', 'Il est donné (associations, écoles, habitants)', 'It is donated (charities, schools, residents)'),
            option('reemploi', 'Il est confié à une filière de réemploi', 'It goes to a reuse scheme'),
            option('recyclage', 'Il est recyclé par une filière DEEE', 'It is recycled through a WEEE scheme'),
            option('stockage', 'Il reste stocké', 'It stays in storage'),
            option('autre', 'Autre', 'Other'),
          ],
          otherSpecify: true,
        },
      ],
    },
  ],
} satisfies QuestionnaireDefinition;
