import type { QuestionnaireDefinition } from '../core/schema/questionnaire.js';
import { loc, option } from './builders.js';
import { dontKnow, respondentFunction } from './common.js';
import { glossary } from './glossary.js';

/** Wave 3 — online services for residents: payment, appointments, family portal, reporting, council streaming. */
export const servicesEnLigneDefinition = {
  theme: 'services-en-ligne',
  version: '2.0.0',
  wave: 3,
  estimatedMinutes: 6,
  title: loc('Services en ligne pour les habitants et usagers', 'Online services for residents and users'),
  description: loc(
    'Les services que les habitants peuvent utiliser en ligne : paiement, rendez-vous, portail famille, signalements, vie démocratique.',
    'The services residents can use online: payment, appointments, family portal, reporting problems, local democracy.',
  ),
  sections: [
    {
      id: 'paiement_rendez_vous',
      title: loc('Paiement et rendez-vous', 'Payments and appointments'),
      questions: [
        respondentFunction(),
        {
          id: 'paiement_en_ligne',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Les usagers peuvent-ils payer en ligne certains services (cantine, eau, location de salle…) ?',
            'Can users pay for some services online (school meals, water, room hire…)?',
          ),
        },
        {
          id: 'solution_paiement',
          kind: 'single',
          visibleIf: { question: 'paiement_en_ligne', equals: 'oui' },
          label: loc('Par quelle solution de paiement ?', 'Through which payment solution?'),
          help: loc(
            'PayFiP est le service de paiement en ligne proposé gratuitement aux collectivités par la Direction générale des finances publiques.',
            'PayFiP is the online payment service offered free of charge to local authorities by the public finance directorate (DGFiP).',
          ),
          options: [
            option('payfip', 'PayFiP', 'PayFiP'),
            option('portail_famille', 'Le paiement intégré au portail famille', 'Payment built into the family portal'),
            option('prestataire', 'Un prestataire de paiement privé', 'A private payment provider'),
            option('autre', 'Autre', 'Other'),
            dontKnow(),
          ],
          otherSpecify: true,
        },
        {
          id: 'services_payables',
          kind: 'multiple',
          visibleIf: { question: 'paiement_en_ligne', equals: 'oui' },
          label: loc('Quels services peut-on payer en ligne ?', 'Which services can be paid for online?'),
          options: [
            option('restauration_scolaire', 'Restauration scolaire', 'School meals'),
            option('periscolaire', 'Accueil périscolaire ou centre de loisirs', 'After-school care or holiday clubs'),
            option('eau_assainissement', 'Eau et assainissement', 'Water and sanitation'),
            option('location_salles', 'Location de salles ou de matériel', 'Hire of rooms or equipment'),
            option('culture_sport', 'Activités culturelles ou sportives', 'Cultural or sports activities'),
            option('autre', 'Autre', 'Other'),
          ],
        },
        {
          id: 'prise_rendez_vous',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Les usagers peuvent-ils prendre rendez-vous en ligne (par exemple pour une carte d’identité ou un passeport) ?',
            'Can users book appointments online (for example for an ID card or a passport)?',
          ),
        },
        {
          id: 'reservation_equipements',
          kind: 'yesno',
          label: loc(
            'Peut-on réserver en ligne des équipements publics (salle, terrain de sport, matériel) ?',
            'Can public facilities be booked online (hall, sports ground, equipment)?',
          ),
        },
      ],
    },
    {
      id: 'vie_quotidienne',
      title: loc('Familles et vie quotidienne', 'Families and everyday life'),
      questions: [
        {
          id: 'portail_famille',
          kind: 'single',
          headline: true,
          label: loc(
            'Proposez-vous un portail famille (inscriptions et réservations scolaires, périscolaires, petite enfance) ?',
            'Do you offer a family portal (registering and booking school, after-school and early-years services)?',
          ),
          options: [
            option('oui', 'Oui', 'Yes'),
            option('non', 'Non', 'No'),
            option('non_concerne', 'Non concerné (pas de compétence enfance ou jeunesse)', 'Not applicable (no powers over children or youth services)'),
            dontKnow(),
          ],
        },
        {
          id: 'fonctions_portail',
          kind: 'multiple',
          visibleIf: { question: 'portail_famille', equals: 'oui' },
          label: loc('Que peuvent y faire les familles ?', 'What can families do there?'),
          options: [
            option('inscriptions', 'S’inscrire', 'Register'),
            option('reservations', 'Réserver ou annuler des repas et des activités', 'Book or cancel meals and activities'),
            option('factures', 'Consulter et payer les factures', 'View and pay bills'),
            option('justificatifs', 'Déposer des justificatifs', 'Upload supporting documents'),
            option('messages', 'Échanger des messages avec les services', 'Exchange messages with staff'),
          ],
        },
        {
          id: 'signalement_en_ligne',
          kind: 'yesno',
          label: loc(
            'Les habitants peuvent-ils signaler en ligne un problème dans l’espace public (voirie, éclairage, dépôt sauvage) ?',
            'Can residents report a problem in public spaces online (roads, street lighting, fly-tipping)?',
          ),
          help: loc(
            'Par une application mobile ou un formulaire dédié, souvent avec photo et localisation.',
            'Through a mobile app or a dedicated form, often with a photo and location.',
          ),
        },
        {
          id: 'suivi_signalements',
          kind: 'single',
          visibleIf: { question: 'signalement_en_ligne', equals: 'oui' },
          label: loc(
            'Les habitants sont-ils informés de la suite donnée à leur signalement ?',
            'Are residents told what happened to their report?',
          ),
          options: [
            option('toujours', 'Oui, à chaque fois', 'Yes, every time'),
            option('parfois', 'Parfois', 'Sometimes'),
            option('jamais', 'Non', 'No'),
            dontKnow(),
          ],
        },
        {
          id: 'franceconnect',
          kind: 'yesno',
          // Only meaningful once there is at least one online service with a login.
          visibleIf: {
            any: [
              { question: 'paiement_en_ligne', equals: 'oui' },
              { question: 'prise_rendez_vous', equals: 'oui' },
              { question: 'portail_famille', equals: 'oui' },
            ],
          },
          label: loc(
            'Peut-on se connecter à vos services en ligne avec FranceConnect ?',
            'Can people log in to your online services with FranceConnect?',
          ),
          help: loc(
            'FranceConnect permet de se connecter avec un compte que l’on a déjà (impots.gouv.fr, ameli.fr…) sans créer de nouvel identifiant.',
            'FranceConnect lets people log in with an account they already have (tax, health insurance…) without creating a new one.',
          ),
        },
      ],
    },
    {
      id: 'vie_democratique',
      title: loc('Vie démocratique et qualité', 'Local democracy and quality'),
      questions: [
        {
          id: 'retransmission_conseils',
          kind: 'single',
          headline: true,
          label: loc(
            'Les séances du conseil sont-elles retransmises en ligne ?',
            'Are council meetings broadcast online?',
          ),
          options: [
            option('direct', 'Oui, en direct', 'Yes, live'),
            option('differe', 'Oui, en différé uniquement', 'Yes, recorded only'),
            option('non', 'Non', 'No'),
            dontKnow(),
          ],
        },
        {
          id: 'canal_retransmission',
          kind: 'multiple',
          visibleIf: { question: 'retransmission_conseils', in: ['direct', 'differe'] },
          label: loc('Sur quel support ?', 'On which channel?'),
          options: [
            option('site_internet', 'Le site internet de la collectivité', 'The authority’s website'),
            option('youtube', 'YouTube', 'YouTube'),
            option('facebook', 'Facebook', 'Facebook'),
            option('plateforme_specialisee', 'Une plateforme spécialisée', 'A specialised platform'),
            option('autre', 'Autre', 'Other'),
          ],
          otherSpecify: true,
        },
        {
          id: 'actes_publies_en_ligne',
          kind: 'yesno',
          label: loc(
            'Publiez-vous vos délibérations et arrêtés sur votre site internet ?',
            'Do you publish your council decisions and orders on your website?',
          ),
          help: loc(
            'Depuis le 1er juillet 2022, la publication électronique est la règle pour les actes des collectivités ; les communes de moins de 3 500 habitants peuvent choisir une autre forme.',
            'Since 1 July 2022, electronic publication is the rule for local authority acts; communes under 3,500 inhabitants may choose another form.',
          ),
        },
        {
          id: 'audit_accessibilite',
          kind: 'yesno',
          label: loc(
            'L’accessibilité de vos services en ligne a-t-elle été vérifiée par un audit ?',
            'Has the accessibility of your online services been checked by an audit?',
          ),
          help: glossary.rgaa,
        },
        {
          id: 'avis_usagers',
          kind: 'yesno',
          label: loc(
            'Recueillez-vous l’avis des usagers sur vos services en ligne ?',
            'Do you collect users’ feedback on your online services?',
          ),
        },
      ],
    },
  ],
} satisfies QuestionnaireDefinition;
