import type { ThemeId } from '../core/schema/questionnaire.js';
import type { LocalizedText } from '../core/schema/text.js';
import { loc } from './builders.js';

/**
 * What a published share is a share of:
 * - `respondents`: every contribution to the theme;
 * - `asked`: only the contributions to which every question of the criteria was shown.
 */
export type IndicatorBase = 'respondents' | 'asked';

/** A respondent meets a criterion when its answer to `question` is one of `codes` (for a multiple choice: contains one of them). */
export interface IndicatorCriterion {
  question: string;
  codes: readonly [string, ...string[]];
}

/** A publication of results. */
export interface IndicatorSource {
  label: LocalizedText;
  /** Month of publication, `YYYY-MM`. */
  date: string;
  /** Contributions the publication is based on. */
  responses: number;
}

/** The publications the figures below come from. */
export const indicatorSources = {
  /** First results of wave 1 (inclusion, cybersecurity, communication); dated after the press coverage of their release. */
  'vague-1': {
    label: loc('Premiers résultats de la vague 1', 'First results of wave 1'),
    date: '2025-03',
    responses: 2729,
  },
  /** Consolidated results of the three waves; wave 2 alone gathered 629 contributions. */
  'consolide-2025': {
    label: loc('Résultats consolidés des trois vagues', 'Consolidated results of the three waves'),
    date: '2025-10',
    responses: 3117,
  },
} as const satisfies Record<string, IndicatorSource>;

export type IndicatorSourceId = keyof typeof indicatorSources;

/**
 * A published figure of the Baromètre and how to compute it from contributions to one theme.
 * A contribution counts when it meets every criterion; the share is taken over `base`.
 */
export interface PublishedIndicator {
  /** Stable machine id. */
  id: string;
  label: LocalizedText;
  theme: ThemeId;
  /** Wave of the theme's questionnaire. */
  wave: 1 | 2 | 3;
  /** The published share, as a fraction between 0 and 1. */
  value: number;
  base: IndicatorBase;
  source: IndicatorSourceId;
  criteria: readonly [IndicatorCriterion, ...IndicatorCriterion[]];
  /** A caveat on how the figure was read, shown beside it. */
  note?: LocalizedText;
}

const BASE_NOT_STATED = loc(
  'La base n’est pas précisée par la publication : le chiffre est lu comme une part des collectivités disposant d’un lieu de médiation.',
  'The publication does not state the base: the figure is read as a share of authorities that have a mediation venue.',
);

/**
 * Every published figure that the questionnaires can reproduce, mapped to the question and codes
 * it is computed from. Figures on who answered (type of authority, population, agent or élu, region)
 * come from the respondent's identity, not from a questionnaire, and are not listed.
 *
 * When two entries concern the same question (a wave-1 figure and its consolidated update), a
 * generator of synthetic answers should follow the most recent source: the two were measured on
 * different sets of contributions and cannot both hold on one.
 */
export const publishedIndicators: readonly PublishedIndicator[] = [
  // Wave 1 — inclusion
  {
    id: 'lieu_mediation',
    label: loc('Disposent d’un lieu de médiation numérique', 'Have a digital mediation venue'),
    theme: 'inclusion',
    wave: 1,
    value: 0.26,
    base: 'respondents',
    source: 'vague-1',
    criteria: [{ question: 'lieu_mediation', codes: ['oui'] }],
  },
  {
    id: 'lieu_france_services',
    label: loc('Lieu de médiation : espace France services', 'Mediation venue: France services centre'),
    theme: 'inclusion',
    wave: 1,
    value: 0.22,
    base: 'asked',
    source: 'vague-1',
    criteria: [{ question: 'types_lieux', codes: ['france_services'] }],
    note: BASE_NOT_STATED,
  },
  {
    id: 'lieu_mediatheque',
    label: loc('Lieu de médiation : médiathèque', 'Mediation venue: media library'),
    theme: 'inclusion',
    wave: 1,
    value: 0.19,
    base: 'asked',
    source: 'vague-1',
    criteria: [{ question: 'types_lieux', codes: ['mediatheque'] }],
    note: BASE_NOT_STATED,
  },
  {
    id: 'lieu_bibliotheque',
    label: loc('Lieu de médiation : bibliothèque', 'Mediation venue: library'),
    theme: 'inclusion',
    wave: 1,
    value: 0.13,
    base: 'asked',
    source: 'vague-1',
    criteria: [{ question: 'types_lieux', codes: ['bibliotheque'] }],
    note: BASE_NOT_STATED,
  },
  {
    id: 'lieu_epn',
    label: loc('Lieu de médiation : espace public numérique', 'Mediation venue: public digital space'),
    theme: 'inclusion',
    wave: 1,
    value: 0.11,
    base: 'asked',
    source: 'vague-1',
    criteria: [{ question: 'types_lieux', codes: ['epn'] }],
    note: BASE_NOT_STATED,
  },
  {
    id: 'lieu_centre_social',
    label: loc('Lieu de médiation : centre social', 'Mediation venue: community centre'),
    theme: 'inclusion',
    wave: 1,
    value: 0.1,
    base: 'asked',
    source: 'vague-1',
    criteria: [{ question: 'types_lieux', codes: ['centre_social'] }],
    note: BASE_NOT_STATED,
  },
  {
    id: 'service_accompagnement',
    label: loc(
      'Lieux proposant un accompagnement aux compétences numériques ou aux démarches',
      'Venues offering help with digital skills or procedures',
    ),
    theme: 'inclusion',
    wave: 1,
    value: 0.77,
    base: 'asked',
    source: 'vague-1',
    criteria: [{ question: 'services_proposes', codes: ['accompagnement'] }],
    note: BASE_NOT_STATED,
  },
  {
    id: 'service_culture_numerique',
    label: loc('Lieux développant la culture numérique', 'Venues building digital literacy'),
    theme: 'inclusion',
    wave: 1,
    value: 0.5,
    base: 'asked',
    source: 'vague-1',
    criteria: [{ question: 'services_proposes', codes: ['culture_numerique'] }],
    note: BASE_NOT_STATED,
  },
  {
    id: 'service_evaluation_competences',
    label: loc('Lieux évaluant les compétences numériques', 'Venues assessing digital skills'),
    theme: 'inclusion',
    wave: 1,
    value: 0.19,
    base: 'asked',
    source: 'vague-1',
    criteria: [{ question: 'services_proposes', codes: ['evaluation_competences'] }],
    note: BASE_NOT_STATED,
  },
  {
    id: 'conseiller_numerique',
    label: loc('Disposent d’un conseiller numérique France services', 'Have a France services digital adviser'),
    theme: 'inclusion',
    wave: 1,
    value: 0.26,
    base: 'respondents',
    source: 'vague-1',
    criteria: [{ question: 'conseiller_numerique', codes: ['oui'] }],
  },
  // Wave 1 — cybersecurity
  {
    id: 'cyberattaque_3ans',
    label: loc('Ont subi une cyberattaque ces trois dernières années', 'Suffered a cyberattack in the last three years'),
    theme: 'cybersecurite',
    wave: 1,
    value: 0.08,
    base: 'respondents',
    source: 'vague-1',
    criteria: [{ question: 'cyberattaque_3ans', codes: ['oui'] }],
  },
  {
    id: 'sans_rssi_vague1',
    label: loc('N’ont pas de RSSI, ni interne ni mutualisé', 'Have no security officer, in-house or shared'),
    theme: 'cybersecurite',
    wave: 1,
    value: 0.64,
    base: 'respondents',
    source: 'vague-1',
    criteria: [{ question: 'rssi', codes: ['aucun'] }],
  },
  {
    id: 'sans_rssi',
    label: loc('N’ont pas de RSSI, ni interne ni mutualisé', 'Have no security officer, in-house or shared'),
    theme: 'cybersecurite',
    wave: 1,
    value: 0.73,
    base: 'respondents',
    source: 'consolide-2025',
    criteria: [{ question: 'rssi', codes: ['aucun'] }],
  },
  {
    id: 'ni_pca_ni_pra',
    label: loc('N’ont ni PCA ni PRA', 'Have neither a continuity nor a recovery plan'),
    theme: 'cybersecurite',
    wave: 1,
    value: 0.76,
    base: 'respondents',
    source: 'vague-1',
    criteria: [{ question: 'pca_pra', codes: ['aucun'] }],
  },
  {
    id: 'sans_pca',
    label: loc('N’ont pas de plan de continuité d’activité (PCA)', 'Have no business continuity plan'),
    theme: 'cybersecurite',
    wave: 1,
    value: 0.66,
    base: 'respondents',
    source: 'consolide-2025',
    criteria: [{ question: 'pca_pra', codes: ['pra_seul', 'aucun'] }],
  },
  {
    id: 'agents_formes_cyber',
    label: loc(
      'Des agents ont été formés à la cybersécurité ces deux dernières années',
      'Staff trained in cybersecurity in the last two years',
    ),
    theme: 'cybersecurite',
    wave: 1,
    value: 0.5,
    base: 'respondents',
    source: 'consolide-2025',
    criteria: [{ question: 'formation_agents', codes: ['oui'] }],
  },
  {
    id: 'elus_formes_cyber',
    label: loc(
      'Des élus ont été formés à la cybersécurité ces deux dernières années',
      'Councillors trained in cybersecurity in the last two years',
    ),
    theme: 'cybersecurite',
    wave: 1,
    value: 0.25,
    base: 'respondents',
    source: 'consolide-2025',
    criteria: [{ question: 'formation_elus', codes: ['oui'] }],
  },
  {
    id: 'sans_sensibilisation_cyber',
    label: loc('N’ont mené aucune action de sensibilisation à la cybersécurité', 'Ran no cybersecurity awareness action'),
    theme: 'cybersecurite',
    wave: 1,
    value: 0.43,
    base: 'respondents',
    source: 'consolide-2025',
    criteria: [{ question: 'actions_sensibilisation', codes: ['aucune'] }],
  },
  // Wave 1 — communication
  {
    id: 'site_et_reseau_social',
    label: loc('Ont un site internet et un réseau social', 'Have a website and a social network account'),
    theme: 'communication',
    wave: 1,
    value: 0.76,
    base: 'respondents',
    source: 'vague-1',
    criteria: [
      { question: 'site_internet', codes: ['oui'] },
      { question: 'reseaux_sociaux', codes: ['oui'] },
    ],
  },
  {
    id: 'journal_papier',
    label: loc('Envoient régulièrement un journal papier', 'Regularly send a printed newsletter'),
    theme: 'communication',
    wave: 1,
    value: 0.85,
    base: 'respondents',
    source: 'vague-1',
    criteria: [{ question: 'journal_papier', codes: ['oui'] }],
  },
  {
    id: 'participation_en_ligne',
    label: loc('Utilisent un outil de participation citoyenne en ligne', 'Use an online citizen-participation tool'),
    theme: 'communication',
    wave: 1,
    value: 0.05,
    base: 'respondents',
    source: 'vague-1',
    criteria: [{ question: 'participation_en_ligne', codes: ['oui'] }],
  },
  // Wave 2
  {
    id: 'materiel_reconditionne',
    label: loc('Achètent du matériel informatique reconditionné', 'Buy refurbished IT equipment'),
    theme: 'infrastructures',
    wave: 2,
    value: 0.08,
    base: 'respondents',
    source: 'consolide-2025',
    criteria: [{ question: 'materiel_reconditionne', codes: ['oui'] }],
  },
  {
    id: 'logiciels_saas',
    label: loc('Utilisent au moins un logiciel en mode SaaS', 'Use at least one piece of SaaS software'),
    theme: 'outils-internes',
    wave: 2,
    value: 0.39,
    base: 'respondents',
    source: 'consolide-2025',
    criteria: [{ question: 'logiciels_saas', codes: ['oui'] }],
  },
  {
    id: 'charte_teletravail',
    label: loc('Ont une charte du télétravail', 'Have a remote-work charter'),
    theme: 'outils-internes',
    wave: 2,
    value: 0.34,
    base: 'respondents',
    source: 'consolide-2025',
    criteria: [{ question: 'charte_teletravail', codes: ['oui'] }],
  },
  {
    id: 'open_data',
    label: loc('Publient des données en open data', 'Publish open data'),
    theme: 'donnees',
    wave: 2,
    value: 0.26,
    base: 'respondents',
    source: 'consolide-2025',
    criteria: [{ question: 'publication_open_data', codes: ['oui'] }],
  },
  // Wave 3
  {
    id: 'paie_dematerialisee',
    label: loc('Ont dématérialisé les bulletins de paie', 'Issue payslips electronically'),
    theme: 'dematerialisation',
    wave: 3,
    value: 0.22,
    base: 'respondents',
    source: 'consolide-2025',
    criteria: [{ question: 'paie_dematerialisee', codes: ['oui'] }],
  },
  {
    id: 'retransmission_conseils',
    label: loc('Retransmettent les séances du conseil en ligne', 'Broadcast council meetings online'),
    theme: 'services-en-ligne',
    wave: 3,
    value: 0.26,
    base: 'respondents',
    source: 'consolide-2025',
    criteria: [{ question: 'retransmission_conseils', codes: ['direct', 'differe'] }],
  },
  {
    id: 'feuille_de_route',
    label: loc('Ont adopté une feuille de route numérique', 'Have adopted a digital roadmap'),
    theme: 'strategie',
    wave: 3,
    value: 0.22,
    base: 'respondents',
    source: 'consolide-2025',
    criteria: [{ question: 'feuille_de_route', codes: ['adoptee'] }],
  },
  {
    id: 'projets_ia',
    label: loc('Mènent un projet d’intelligence artificielle', 'Run an artificial intelligence project'),
    theme: 'strategie',
    wave: 3,
    value: 0.06,
    base: 'respondents',
    source: 'consolide-2025',
    criteria: [{ question: 'projets_ia', codes: ['oui'] }],
  },
];
