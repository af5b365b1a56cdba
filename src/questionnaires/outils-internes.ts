import type { QuestionnaireDefinition } from '../core/schema/questionnaire.js';
import { loc, option } from './builders.js';
import { dontKnow, respondentFunction } from './common.js';
import { glossary } from './glossary.js';

/** Wave 2 — internal digital tools: business software, SaaS, e-mail, telework, e-signature, skills. */
export const outilsInternesDefinition = {
  theme: 'outils-internes',
  version: '2.0.0',
  wave: 2,
  estimatedMinutes: 6,
  title: loc('Outils numériques en interne', 'Internal digital tools'),
  description: loc(
    'Les logiciels et outils de travail des agents et des élus, leur hébergement et l’accompagnement des équipes.',
    'The software and working tools of staff and councillors, how they are hosted, and support for teams.',
  ),
  sections: [
    {
      id: 'logiciels',
      title: loc('Logiciels et messagerie', 'Software and e-mail'),
      questions: [
        respondentFunction(),
        {
          id: 'logiciels_metier',
          kind: 'multiple',
          label: loc(
            'Dans quels domaines utilisez-vous un logiciel métier ?',
            'In which areas do you use business software?',
          ),
          help: loc(
            'Un logiciel métier est conçu pour une tâche précise de l’administration : comptabilité publique, paie, état civil, urbanisme…',
            'Business software is designed for a specific administrative task: public accounting, payroll, civil registry, planning…',
          ),
          options: [
            option('finances', 'Finances et comptabilité', 'Finance and accounting'),
            option('paie_rh', 'Paie et ressources humaines', 'Payroll and human resources'),
            option('etat_civil_elections', 'État civil et élections', 'Civil registry and elections'),
            option('urbanisme', 'Urbanisme', 'Planning'),
            option('courrier', 'Gestion du courrier', 'Mail handling'),
            option('autre', 'Autre domaine', 'Another area'),
            option('aucun', 'Aucun logiciel métier', 'No business software'),
          ],
          otherSpecify: true,
          exclusive: 'aucun',
        },
        {
          id: 'fournisseur_logiciels',
          kind: 'single',
          visibleIf: { not: { question: 'logiciels_metier', includes: 'aucun' } },
          label: loc(
            'Auprès de qui obtenez-vous principalement ces logiciels ?',
            'Where do you mainly get this software from?',
          ),
          help: glossary.opsn,
          options: [
            option('opsn', 'Un OPSN', 'An OPSN'),
            option('editeur', 'Directement un éditeur privé', 'Directly from a private vendor'),
            option('autre_collectivite', 'Une autre collectivité ou un centre de gestion', 'Another authority or a management centre'),
            option('autre', 'Autre', 'Other'),
            dontKnow(),
          ],
          otherSpecify: true,
        },
        {
          id: 'logiciels_saas',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Utilisez-vous au moins un logiciel en mode SaaS ?',
            'Do you use at least one piece of SaaS software?',
          ),
          help: glossary.saas,
        },
        {
          id: 'logiciels_libres',
          kind: 'yesno',
          label: loc(
            'Utilisez-vous des logiciels libres (par exemple LibreOffice, Firefox, Thunderbird) ?',
            'Do you use free and open-source software (for example LibreOffice, Firefox, Thunderbird)?',
          ),
          help: loc(
            'Des logiciels dont le code est public et que chacun peut utiliser, étudier et modifier.',
            'Software whose code is public and that anyone may use, study and change.',
          ),
        },
        {
          id: 'messagerie_agents',
          kind: 'single',
          label: loc(
            'Quelles adresses électroniques les agents utilisent-ils pour le travail ?',
            'Which e-mail addresses do staff use for work?',
          ),
          options: [
            option(
              'domaine_collectivite',
              'Des adresses au nom de la collectivité (par exemple @ville-exemple.fr)',
              'Addresses under the authority’s own domain (for example @ville-exemple.fr)',
            ),
            option(
              'service_grand_public',
              'Des adresses d’un service grand public (Gmail, Orange, Laposte.net…)',
              'Addresses from a consumer service (Gmail, Orange, Laposte.net…)',
            ),
            option('mixte', 'Les deux, selon les agents', 'Both, depending on the person'),
            dontKnow(),
          ],
        },
        {
          id: 'messagerie_protegee',
          kind: 'yesno',
          visibleIf: { question: 'messagerie_agents', in: ['domaine_collectivite', 'mixte'] },
          label: loc(
            'Le nom de domaine de la messagerie est-il protégé contre l’usurpation (enregistrements SPF, DKIM et DMARC) ?',
            'Is the e-mail domain protected against spoofing (SPF, DKIM and DMARC records)?',
          ),
          help: loc(
            'Ces réglages, faits une fois par le gestionnaire du nom de domaine, empêchent qu’un fraudeur envoie des courriels au nom de la collectivité. Votre prestataire ou votre OPSN peut vous le dire.',
            'These settings, made once by whoever manages the domain name, stop a fraudster sending e-mail in the authority’s name. Your contractor or OPSN can tell you.',
          ),
        },
        {
          id: 'hebergement_donnees',
          kind: 'multiple',
          label: loc(
            'Où sont hébergés les logiciels et les données de la collectivité ? Cochez tout ce qui s’applique.',
            'Where are the authority’s software and data hosted? Tick all that apply.',
          ),
          help: glossary.saas,
          options: [
            option('locaux', 'Sur des serveurs ou des ordinateurs dans nos locaux', 'On servers or computers on our premises'),
            option('opsn', 'Chez un OPSN ou une autre collectivité', 'At an OPSN or another authority'),
            option('editeurs', 'Chez les éditeurs des logiciels (SaaS)', 'At the software vendors (SaaS)'),
            option('cloud_public', 'Chez un grand fournisseur de cloud (Microsoft, Google, Amazon, OVHcloud…)', 'At a major cloud provider (Microsoft, Google, Amazon, OVHcloud…)'),
            dontKnow(),
          ],
          exclusive: 'nsp',
        },
        {
          id: 'proconnect',
          kind: 'yesno',
          label: loc(
            'Les agents se connectent-ils à des services en ligne de l’État avec ProConnect ?',
            'Do staff sign in to State online services with ProConnect?',
          ),
          help: loc(
            'ProConnect est l’identifiant des professionnels et des agents publics pour les services de l’État (anciennement AgentConnect et MonComptePro).',
            'ProConnect is the sign-in of professionals and public servants for State services (formerly AgentConnect and MonComptePro).',
          ),
        },
      ],
    },
    {
      id: 'organisation_travail',
      title: loc('Organisation du travail', 'Ways of working'),
      questions: [
        {
          id: 'nombre_agents',
          kind: 'single',
          label: loc(
            'Combien d’agents travaillent pour la collectivité, en équivalent temps plein ?',
            'How many staff work for the authority, in full-time equivalents?',
          ),
          help: loc('Un ordre de grandeur suffit.', 'A rough figure is enough.'),
          // Ranges rather than a count: an élu rarely knows the exact full-time equivalents, and
          // the ranges are the ones its figures were always published in (same codes).
          options: [
            option('aucun', 'Aucun agent', 'No staff'),
            option('jusqu_a_5', 'Jusqu’à 5', 'Up to 5'),
            option('de_5_a_20', 'Plus de 5 et jusqu’à 20', 'More than 5, up to 20'),
            option('de_20_a_100', 'Plus de 20 et jusqu’à 100', 'More than 20, up to 100'),
            option('plus_de_100', 'Plus de 100', 'More than 100'),
            dontKnow(),
          ],
        },
        {
          id: 'teletravail',
          kind: 'yesno',
          visibleIf: { not: { question: 'nombre_agents', equals: 'aucun' } },
          label: loc(
            'Des agents télétravaillent-ils, même occasionnellement ?',
            'Do any staff work from home, even occasionally?',
          ),
        },
        {
          id: 'charte_teletravail',
          kind: 'yesno',
          headline: true,
          visibleIf: { question: 'teletravail', equals: 'oui' },
          label: loc(
            'Le télétravail est-il encadré par une charte ou un règlement adopté par la collectivité ?',
            'Is remote work governed by a charter or rules adopted by the authority?',
          ),
          help: loc(
            'Un document qui fixe les règles : jours possibles, matériel fourni, sécurité, droit à la déconnexion.',
            'A document setting the rules: which days, equipment provided, security, right to disconnect.',
          ),
        },
        {
          id: 'acces_distance',
          kind: 'single',
          visibleIf: { question: 'teletravail', equals: 'oui' },
          label: loc(
            'Comment les agents accèdent-ils à leurs dossiers à distance ?',
            'How do staff reach their files remotely?',
          ),
          options: [
            option('connexion_securisee', 'Par une connexion sécurisée (VPN)', 'Through a secure connection (VPN)'),
            option('outils_en_ligne', 'Par des outils en ligne', 'Through online tools'),
            option('copie_fichiers', 'En emportant des copies (clé USB, courriel)', 'By taking copies (USB stick, e-mail)'),
            option('pas_d_acces', 'Ils n’y ont pas accès', 'They have no access'),
            dontKnow(),
          ],
        },
        {
          id: 'signature_electronique',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Les élus ou les agents signent-ils des documents par voie électronique ?',
            'Do councillors or staff sign documents electronically?',
          ),
          help: loc(
            'Une signature apposée sur un document numérique grâce à un certificat ou un parapheur électronique, qui garantit l’identité du signataire.',
            'A signature applied to a digital document with a certificate or an e-signature workflow tool, which guarantees who signed.',
          ),
        },
        {
          id: 'outils_collaboratifs',
          kind: 'multiple',
          label: loc('Quels outils collaboratifs utilisez-vous ?', 'Which collaboration tools do you use?'),
          options: [
            option('partage_fichiers', 'Partage de fichiers en ligne', 'Online file sharing'),
            option('agenda_partage', 'Agenda partagé', 'Shared calendar'),
            option('visioconference', 'Visioconférence', 'Video conferencing'),
            option('messagerie_instantanee', 'Messagerie instantanée', 'Instant messaging'),
            option('aucun', 'Aucun de ces outils', 'None of these'),
          ],
          exclusive: 'aucun',
        },
      ],
    },
    {
      id: 'competences',
      title: loc('Compétences et assistance', 'Skills and support'),
      questions: [
        {
          id: 'formation_outils',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Des agents ont-ils été formés aux outils numériques au cours des deux dernières années ?',
            'Have any staff been trained in digital tools in the last two years?',
          ),
        },
        {
          id: 'assistance_informatique',
          kind: 'single',
          label: loc(
            'En cas de problème informatique, qui aide les agents ?',
            'When there is an IT problem, who helps staff?',
          ),
          options: [
            option('service_interne', 'Un service informatique interne', 'An in-house IT department'),
            option('opsn', 'Un OPSN', 'An OPSN'),
            option('prestataire', 'Un prestataire sous contrat', 'A contractor'),
            option('entraide', 'Un collègue ou un élu, sans contrat d’assistance', 'A colleague or councillor, with no support contract'),
            option('personne', 'Personne', 'Nobody'),
            dontKnow(),
          ],
        },
        {
          id: 'outil_manquant',
          kind: 'text',
          required: false,
          maxLength: 300,
          label: loc(
            'Quel outil numérique vous manque le plus au quotidien ?',
            'Which digital tool do you miss most in your daily work?',
          ),
        },
      ],
    },
  ],
} satisfies QuestionnaireDefinition;
