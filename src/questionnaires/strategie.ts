import type { QuestionnaireDefinition } from '../core/schema/questionnaire.js';
import { loc, option } from './builders.js';
import { dontKnow, respondentFunction } from './common.js';
import { glossary } from './glossary.js';

/** Wave 3 — digital strategy: roadmap, governance, budget, pooling, AI, responsible digital, priorities. */
export const strategieDefinition = {
  theme: 'strategie',
  version: '2.0.0',
  wave: 3,
  estimatedMinutes: 7,
  title: loc('Stratégie numérique', 'Digital strategy'),
  description: loc(
    'Comment votre collectivité pilote, finance et oriente sa transformation numérique.',
    'How your authority steers, funds and directs its digital transformation.',
  ),
  sections: [
    {
      id: 'pilotage',
      title: loc('Pilotage et budget', 'Governance and budget'),
      questions: [
        respondentFunction(),
        {
          id: 'feuille_de_route',
          kind: 'single',
          headline: true,
          label: loc(
            'Votre collectivité a-t-elle une feuille de route ou un schéma directeur du numérique ?',
            'Does your authority have a digital roadmap or master plan?',
          ),
          help: loc(
            'Un document qui fixe les objectifs et les projets numériques de la collectivité pour plusieurs années.',
            'A document setting the authority’s digital goals and projects for several years.',
          ),
          options: [
            option('adoptee', 'Oui, adoptée', 'Yes, adopted'),
            option('en_preparation', 'En préparation', 'Being prepared'),
            option('non', 'Non', 'No'),
            dontKnow(),
          ],
        },
        {
          id: 'suivi_feuille_de_route',
          kind: 'yesno',
          visibleIf: { question: 'feuille_de_route', equals: 'adoptee' },
          label: loc(
            'Sa mise en œuvre est-elle suivie régulièrement (bilans, indicateurs) ?',
            'Is its delivery monitored regularly (reviews, indicators)?',
          ),
        },
        {
          id: 'elu_numerique',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Un élu a-t-il une délégation au numérique ?',
            'Does a councillor hold a portfolio for digital matters?',
          ),
        },
        {
          id: 'pilote_numerique',
          kind: 'single',
          label: loc(
            'Qui conduit les projets numériques au sein des services ?',
            'Who leads digital projects among the staff?',
          ),
          help: glossary.opsn,
          options: [
            option('direction_numerique', 'Un service ou une direction du numérique', 'A digital department or directorate'),
            option('chef_de_projet', 'Un chef de projet ou chargé de mission numérique', 'A digital project lead or officer'),
            option('agent_polyvalent', 'Un agent, parmi d’autres missions', 'A staff member, among other duties'),
            option('opsn', 'L’OPSN ou une structure mutualisée', 'The OPSN or a shared body'),
            option('personne', 'Personne en particulier', 'Nobody in particular'),
            dontKnow(),
          ],
        },
        {
          id: 'budget_identifie',
          kind: 'yesno',
          label: loc(
            'Les dépenses numériques (matériel, logiciels, abonnements, prestations) sont-elles identifiées dans votre budget ?',
            'Is digital spending (equipment, software, subscriptions, services) identified in your budget?',
          ),
        },
        {
          id: 'budget_numerique_annuel',
          kind: 'single',
          sensible: true,
          visibleIf: { question: 'budget_identifie', equals: 'oui' },
          label: loc(
            'Quel montant annuel, environ, la collectivité consacre-t-elle au numérique ?',
            'Roughly how much does the authority spend on digital each year?',
          ),
          help: loc(
            'Fonctionnement et investissement confondus, pour le dernier exercice connu.',
            'Operating and capital spending together, for the last known financial year.',
          ),
          // Ranges rather than an amount: spending on digital is spread over many budget lines and
          // few know its total; the ranges are the ones its figures were always published in.
          options: [
            option('moins_de_5000', 'Moins de 5 000 €', 'Under €5,000'),
            option('de_5000_a_49999', 'De 5 000 à 49 999 €', '€5,000 to €49,999'),
            option('de_50000_a_499999', 'De 50 000 à 499 999 €', '€50,000 to €499,999'),
            option('de_500000_a_4999999', 'De 500 000 à 4 999 999 €', '€500,000 to €4,999,999'),
            option('au_moins_5000000', '5 000 000 € ou plus', '€5,000,000 or more'),
            dontKnow(),
          ],
        },
      ],
    },
    {
      id: 'cooperation',
      title: loc('Coopération et financements', 'Cooperation and funding'),
      questions: [
        {
          id: 'adhesion_opsn',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Votre collectivité adhère-t-elle à un opérateur public de services numériques (OPSN) ?',
            'Is your authority a member of a public digital services operator (OPSN)?',
          ),
          help: glossary.opsn,
        },
        {
          id: 'services_opsn',
          kind: 'multiple',
          visibleIf: { question: 'adhesion_opsn', equals: 'oui' },
          label: loc('Quels services utilisez-vous auprès de lui ?', 'Which of its services do you use?'),
          options: [
            option('logiciels', 'Logiciels métier', 'Business software'),
            option('hebergement', 'Hébergement et sauvegardes', 'Hosting and backups'),
            option('securite', 'Cybersécurité', 'Cybersecurity'),
            option('rgpd', 'Délégué à la protection des données', 'Data protection officer'),
            option('sites_internet', 'Sites internet', 'Websites'),
            option('formation', 'Formation et accompagnement', 'Training and support'),
            option('autre', 'Autre', 'Other'),
          ],
          otherSpecify: true,
        },
        {
          id: 'mutualisation',
          kind: 'yesno',
          label: loc(
            'Mutualisez-vous des moyens numériques avec votre intercommunalité ou d’autres collectivités ?',
            'Do you pool digital resources with your intercommunal body or other authorities?',
          ),
        },
        {
          id: 'financements_exterieurs',
          kind: 'multiple',
          label: loc(
            'Quels financements extérieurs avez-vous obtenus pour des projets numériques ces trois dernières années ?',
            'Which outside funding have you obtained for digital projects in the last three years?',
          ),
          options: [
            option('etat', 'Aides de l’État (DETR, DSIL, appels à projets…)', 'State funding (DETR, DSIL, calls for projects…)'),
            option('europe', 'Fonds européens', 'European funds'),
            option('region_departement', 'Aides de la région ou du département', 'Regional or departmental funding'),
            option('aucun', 'Aucun financement extérieur', 'No outside funding'),
          ],
          exclusive: 'aucun',
        },
      ],
    },
    {
      id: 'orientations',
      title: loc('Intelligence artificielle, sobriété et priorités', 'Artificial intelligence, sustainability and priorities'),
      questions: [
        {
          id: 'projets_ia',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Votre collectivité mène-t-elle un projet utilisant l’intelligence artificielle (en test ou en service) ?',
            'Is your authority running a project that uses artificial intelligence (trial or in service)?',
          ),
          help: loc(
            'Par exemple : aide à la rédaction de courriers, agent conversationnel pour les habitants, tri automatique de documents, transcription de réunions.',
            'For example: help drafting letters, a chatbot for residents, automatic document sorting, meeting transcription.',
          ),
        },
        {
          id: 'usages_ia',
          kind: 'multiple',
          visibleIf: { question: 'projets_ia', equals: 'oui' },
          label: loc('Pour quels usages ?', 'For what uses?'),
          options: [
            option('redaction', 'Aide à la rédaction', 'Drafting help'),
            option('relation_usagers', 'Réponses aux habitants', 'Answering residents'),
            option('analyse_documents', 'Analyse ou tri de documents', 'Analysing or sorting documents'),
            option('transcription_traduction', 'Transcription ou traduction', 'Transcription or translation'),
            option('autre', 'Autre', 'Other'),
          ],
          otherSpecify: true,
        },
        {
          id: 'regles_ia',
          kind: 'yesno',
          label: loc(
            'Avez-vous fixé des règles d’usage des outils d’IA pour les agents et les élus (données autorisées, relecture) ?',
            'Have you set rules for staff and councillors on using AI tools (which data is allowed, checking outputs)?',
          ),
        },
        {
          id: 'numerique_responsable',
          kind: 'multiple',
          label: loc(
            'Quelles actions de numérique responsable menez-vous ?',
            'Which sustainable digital actions do you take?',
          ),
          help: loc(
            'Le numérique responsable cherche à réduire l’empreinte environnementale et sociale du numérique. Les communes et intercommunalités de plus de 50 000 habitants doivent adopter une stratégie en ce sens.',
            'Sustainable digital practice aims to reduce the environmental and social footprint of digital technology. Communes and intercommunal bodies over 50,000 inhabitants must adopt a strategy to that end.',
          ),
          options: [
            option('duree_de_vie', 'Allonger la durée d’utilisation du matériel', 'Keeping equipment in use longer'),
            option('criteres_achat', 'Critères environnementaux dans les achats', 'Environmental criteria in purchasing'),
            option('sobriete_services', 'Services numériques plus sobres (sites légers, moins de stockage)', 'Leaner digital services (light websites, less storage)'),
            option('strategie_adoptee', 'Une stratégie numérique responsable adoptée', 'An adopted sustainable digital strategy'),
            option('aucune', 'Aucune action', 'No action'),
          ],
          exclusive: 'aucune',
        },
        {
          id: 'strategie_reen',
          kind: 'single',
          // The REEN law binds communes and intercommunalités of more than 50,000 inhabitants.
          visibleIf: {
            all: [
              { collectivite: 'kind', in: ['commune', 'epci'] },
              { collectivite: 'population', gte: 50000 },
            ],
          },
          label: loc(
            'La loi impose aux communes et intercommunalités de plus de 50 000 habitants d’adopter une stratégie numérique responsable. Où en est la vôtre ?',
            'The law requires communes and intercommunal bodies of more than 50,000 inhabitants to adopt a sustainable digital strategy. Where does yours stand?',
          ),
          help: loc(
            'Loi du 15 novembre 2021 visant à réduire l’empreinte environnementale du numérique (REEN).',
            'Act of 15 November 2021 on reducing the environmental footprint of digital technology (REEN).',
          ),
          options: [
            option('adoptee', 'Adoptée', 'Adopted'),
            option('en_preparation', 'En préparation', 'Being prepared'),
            option('non', 'Pas encore engagée', 'Not started yet'),
            dontKnow(),
          ],
        },
        {
          id: 'priorite_principale',
          kind: 'single',
          label: loc(
            'Quelle est votre priorité numérique pour les deux prochaines années ?',
            'What is your digital priority for the next two years?',
          ),
          options: [
            option('cybersecurite', 'La cybersécurité', 'Cybersecurity'),
            option('services_habitants', 'Les services en ligne aux habitants', 'Online services for residents'),
            option('outils_internes', 'Les outils des agents', 'Staff tools'),
            option('inclusion', 'L’inclusion numérique', 'Digital inclusion'),
            option('donnees', 'Les données', 'Data'),
            option('infrastructures', 'Les infrastructures (réseaux, couverture)', 'Infrastructure (networks, coverage)'),
            option('autre', 'Autre', 'Other'),
            dontKnow(),
          ],
          otherSpecify: true,
        },
        {
          id: 'frein_principal',
          kind: 'single',
          label: loc(
            'Quel est le principal frein à vos projets numériques ?',
            'What is the main obstacle to your digital projects?',
          ),
          options: [
            option('budget', 'Le budget', 'Budget'),
            option('competences_temps', 'Les compétences ou le temps des équipes', 'Team skills or time'),
            option('offre_inadaptee', 'Des solutions peu adaptées à notre taille', 'Solutions ill-suited to our size'),
            option('pas_prioritaire', 'Le numérique n’est pas une priorité', 'Digital is not a priority'),
            option('aucun', 'Pas de frein particulier', 'No particular obstacle'),
            dontKnow(),
          ],
        },
        {
          id: 'attentes',
          kind: 'text',
          required: false,
          maxLength: 500,
          label: loc(
            'Qu’attendez-vous de l’État ou de votre OPSN pour avancer ?',
            'What do you expect from the State or your OPSN to move forward?',
          ),
        },
      ],
    },
  ],
} satisfies QuestionnaireDefinition;
