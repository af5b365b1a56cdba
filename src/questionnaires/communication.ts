import type { QuestionnaireDefinition } from '../core/schema/questionnaire.js';
import { loc, option } from './builders.js';
import { dontKnow, respondentFunction } from './common.js';
import { glossary } from './glossary.js';

/** Wave 1 — communicating with residents: website, social networks, print, alerts, online participation. */
export const communicationDefinition = {
  theme: 'communication',
  version: '2.0.0',
  wave: 1,
  estimatedMinutes: 5,
  title: loc('Communication avec les administrés', 'Communicating with residents'),
  description: loc(
    'Les moyens, numériques ou non, par lesquels votre collectivité informe les habitants et les fait participer.',
    'The means, digital or not, by which your authority informs residents and involves them.',
  ),
  sections: [
    {
      id: 'numerique',
      title: loc('Site internet et réseaux sociaux', 'Website and social networks'),
      questions: [
        respondentFunction(),
        {
          id: 'site_internet',
          kind: 'yesno',
          headline: true,
          label: loc('Votre collectivité a-t-elle un site internet ?', 'Does your authority have a website?'),
        },
        {
          id: 'site_mise_a_jour',
          kind: 'single',
          visibleIf: { question: 'site_internet', equals: 'oui' },
          label: loc('À quelle fréquence le site est-il mis à jour ?', 'How often is the website updated?'),
          options: [
            option('hebdomadaire', 'Au moins une fois par semaine', 'At least once a week'),
            option('mensuelle', 'Au moins une fois par mois', 'At least once a month'),
            option('rare', 'Moins souvent', 'Less often'),
            dontKnow(),
          ],
        },
        {
          id: 'site_realisation',
          kind: 'single',
          visibleIf: { question: 'site_internet', equals: 'oui' },
          label: loc('Qui a réalisé le site ?', 'Who built the website?'),
          help: glossary.opsn,
          options: [
            option('interne', 'La collectivité elle-même', 'The authority itself'),
            option('opsn', 'Un OPSN', 'An OPSN'),
            option('prestataire', 'Un prestataire privé', 'A private contractor'),
            option('autre', 'Autre', 'Other'),
            dontKnow(),
          ],
          otherSpecify: true,
        },
        {
          id: 'site_hebergement',
          kind: 'single',
          visibleIf: { question: 'site_internet', equals: 'oui' },
          label: loc('Qui héberge le site ?', 'Who hosts the website?'),
          help: glossary.opsn,
          options: [
            option('interne', 'La collectivité, sur ses propres serveurs', 'The authority, on its own servers'),
            option('opsn', 'Un OPSN', 'An OPSN'),
            option('prestataire', 'Le prestataire qui l’a réalisé ou un hébergeur privé', 'The contractor who built it or a private host'),
            option('plateforme', 'Une plateforme en ligne de création de sites', 'An online website-building platform'),
            dontKnow(),
          ],
        },
        {
          id: 'nom_de_domaine',
          kind: 'single',
          visibleIf: { question: 'site_internet', equals: 'oui' },
          label: loc('Sous quelle adresse le site est-il publié ?', 'Under which address is the website published?'),
          help: loc(
            'Un nom de domaine propre (par exemple ville-exemple.fr), détenu par la collectivité, garantit aux habitants que le site et les courriels viennent bien d’elle, et la suit si elle change de prestataire.',
            'A domain name of its own (for example ville-exemple.fr), held by the authority, assures residents that the website and e-mails really come from it, and stays with it if it changes contractor.',
          ),
          options: [
            option('propre', 'Un nom de domaine propre à la collectivité', 'A domain name of the authority’s own'),
            option('sous_domaine', 'Une adresse sous le nom d’un prestataire ou d’une plateforme', 'An address under a contractor’s or platform’s name'),
            dontKnow(),
          ],
        },
        {
          id: 'site_accessibilite',
          kind: 'single',
          visibleIf: { question: 'site_internet', equals: 'oui' },
          label: loc(
            'Quel niveau de conformité au RGAA indique la déclaration d’accessibilité du site ?',
            'What RGAA compliance level does the website’s accessibility statement give?',
          ),
          help: glossary.rgaa,
          options: [
            option('totale', 'Totalement conforme', 'Fully compliant'),
            option('partielle', 'Partiellement conforme', 'Partially compliant'),
            option('non_conforme', 'Non conforme', 'Not compliant'),
            option('pas_de_declaration', 'Le site n’a pas de déclaration d’accessibilité', 'The website has no accessibility statement'),
            option('nsp', 'Je ne sais pas', 'I don’t know'),
          ],
        },
        {
          id: 'reseaux_sociaux',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Votre collectivité est-elle présente sur au moins un réseau social ?',
            'Is your authority on at least one social network?',
          ),
        },
        {
          id: 'reseaux_utilises',
          kind: 'multiple',
          visibleIf: { question: 'reseaux_sociaux', equals: 'oui' },
          label: loc('Sur quels réseaux sociaux ?', 'Which social networks?'),
          options: [
            option('facebook', 'Facebook', 'Facebook'),
            option('instagram', 'Instagram', 'Instagram'),
            option('linkedin', 'LinkedIn', 'LinkedIn'),
            option('x', 'X (anciennement Twitter)', 'X (formerly Twitter)'),
            option('youtube', 'YouTube', 'YouTube'),
            option('autre', 'Autre', 'Other'),
          ],
          otherSpecify: true,
        },
        {
          id: 'application_information',
          kind: 'yesno',
          label: loc(
            'Utilisez-vous une application mobile pour informer les habitants (actualités, alertes) ?',
            'Do you use a mobile app to keep residents informed (news, alerts)?',
          ),
        },
      ],
    },
    {
      id: 'papier_alertes',
      title: loc('Journal, lettre et alertes', 'Newsletter, mailing and alerts'),
      questions: [
        {
          id: 'journal_papier',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Diffusez-vous régulièrement un journal ou un bulletin papier aux habitants ?',
            'Do you regularly send residents a printed newsletter or bulletin?',
          ),
        },
        {
          id: 'frequence_journal',
          kind: 'single',
          visibleIf: { question: 'journal_papier', equals: 'oui' },
          label: loc('À quelle fréquence paraît-il ?', 'How often does it come out?'),
          options: [
            option('mensuelle', 'Chaque mois', 'Monthly'),
            option('bimestrielle', 'Tous les deux mois', 'Every two months'),
            option('trimestrielle', 'Chaque trimestre', 'Quarterly'),
            option('semestrielle', 'Deux fois par an', 'Twice a year'),
            option('annuelle', 'Une fois par an', 'Once a year'),
            option('irreguliere', 'Sans rythme fixe', 'At no fixed interval'),
            dontKnow(),
          ],
        },
        {
          id: 'journal_en_ligne',
          kind: 'yesno',
          visibleIf: { question: 'journal_papier', equals: 'oui' },
          label: loc(
            'Ce journal est-il aussi consultable en ligne ?',
            'Can this newsletter also be read online?',
          ),
        },
        {
          id: 'lettre_electronique',
          kind: 'yesno',
          label: loc(
            'Envoyez-vous une lettre d’information par courriel ?',
            'Do you send an e-mail newsletter?',
          ),
        },
        {
          id: 'alerte_population',
          kind: 'multiple',
          label: loc(
            'Comment prévenez-vous les habitants en cas d’urgence (intempéries, coupure d’eau…) ?',
            'How do you warn residents in an emergency (severe weather, water cut…)?',
          ),
          options: [
            option('sms', 'SMS', 'Text message'),
            option('appel_automatique', 'Appel téléphonique automatique', 'Automated phone call'),
            option('application', 'Notification d’une application mobile', 'Mobile app notification'),
            option('reseaux_sociaux', 'Réseaux sociaux', 'Social networks'),
            option('site_internet', 'Site internet', 'Website'),
            option('affichage_porte_a_porte', 'Affichage ou porte-à-porte', 'Notices or door-to-door'),
            option('aucun', 'Aucun moyen prévu', 'No means planned'),
          ],
          exclusive: 'aucun',
        },
      ],
    },
    {
      id: 'participation',
      title: loc('Participation des habitants', 'Resident participation'),
      questions: [
        {
          id: 'participation_en_ligne',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Utilisez-vous un outil de participation citoyenne en ligne ?',
            'Do you use an online citizen-participation tool?',
          ),
          help: loc(
            'Une plateforme où les habitants donnent leur avis, proposent des idées ou votent en ligne : consultation, budget participatif, concertation sur un projet…',
            'A platform where residents give their views, suggest ideas or vote online: consultation, participatory budget, planning consultation…',
          ),
        },
        {
          id: 'usages_participation',
          kind: 'multiple',
          visibleIf: { question: 'participation_en_ligne', equals: 'oui' },
          label: loc('Pour quoi l’utilisez-vous ?', 'What do you use it for?'),
          options: [
            option('consultation', 'Consultations ou sondages', 'Consultations or polls'),
            option('budget_participatif', 'Budget participatif', 'Participatory budget'),
            option('concertation_projet', 'Concertation sur un projet d’aménagement', 'Consultation on a development project'),
            option('boite_a_idees', 'Boîte à idées', 'Suggestion box'),
            option('autre', 'Autre', 'Other'),
          ],
          otherSpecify: true,
        },
        {
          id: 'mesure_audience',
          kind: 'yesno',
          label: loc(
            'Suivez-vous l’audience de vos outils numériques (visites du site, abonnés) ?',
            'Do you track the reach of your digital channels (website visits, followers)?',
          ),
        },
      ],
    },
  ],
} satisfies QuestionnaireDefinition;
