import type { QuestionnaireDefinition } from '../core/schema/questionnaire.js';
import { loc, option } from './builders.js';
import { dontKnow, respondentFunction } from './common.js';
import { glossary } from './glossary.js';

/** Wave 2 — the local public data service: knowing one's data, personal data, open data, sharing. */
export const donneesDefinition = {
  theme: 'donnees',
  version: '2.0.0',
  wave: 2,
  estimatedMinutes: 6,
  title: loc('Service public local de la donnée', 'Local public data service'),
  description: loc(
    'Comment votre collectivité connaît, protège, publie et partage les données qu’elle produit.',
    'How your authority knows, protects, publishes and shares the data it produces.',
  ),
  sections: [
    {
      id: 'gouvernance',
      title: loc('Connaître et protéger ses données', 'Knowing and protecting your data'),
      questions: [
        respondentFunction(),
        {
          id: 'inventaire_donnees',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Avez-vous fait l’inventaire des données que produit ou détient la collectivité ?',
            'Have you listed the data your authority produces or holds?',
          ),
          help: loc(
            'Une liste des données (registres, fichiers, bases, cartes) avec, pour chacune, le service qui la gère et sa mise à jour.',
            'A list of the data (registers, files, databases, maps) giving, for each, the department in charge and how it is updated.',
          ),
        },
        {
          id: 'responsable_donnees',
          kind: 'single',
          headline: true,
          label: loc(
            'Une personne est-elle chargée des données dans la collectivité ?',
            'Is someone in charge of data in your authority?',
          ),
          help: loc(
            'Un administrateur des données organise leur recensement, leur qualité, leur partage et leur ouverture.',
            'A data officer organises listing the data, its quality, its sharing and its publication.',
          ),
          options: [
            option('administrateur_dedie', 'Oui, un administrateur des données', 'Yes, a dedicated data officer'),
            option('referent', 'Oui, un agent référent parmi d’autres missions', 'Yes, a staff member among other duties'),
            option('mutualise', 'Oui, une personne partagée avec d’autres structures', 'Yes, a person shared with other bodies'),
            option('aucun', 'Non', 'No'),
            dontKnow(),
          ],
        },
        {
          id: 'delegue_protection_donnees',
          kind: 'single',
          label: loc(
            'Qui est votre délégué à la protection des données (DPO) ?',
            'Who is your data protection officer (DPO)?',
          ),
          help: loc(
            'Le DPO veille au respect du RGPD. Toute collectivité doit en désigner un ; il peut être partagé avec d’autres structures.',
            'The DPO makes sure the GDPR is respected. Every local authority must appoint one; it may be shared with other bodies.',
          ),
          options: [
            option('interne', 'Un agent de la collectivité', 'One of our staff'),
            option('mutualise', 'Un DPO mutualisé (OPSN, centre de gestion, intercommunalité)', 'A shared DPO (OPSN, management centre, intercommunal body)'),
            option('prestataire', 'Un prestataire privé', 'A private contractor'),
            option('aucun', 'Aucun DPO désigné', 'No DPO appointed'),
            dontKnow(),
          ],
        },
        {
          id: 'registre_traitements',
          kind: 'yesno',
          label: loc(
            'Tenez-vous un registre des traitements de données personnelles ?',
            'Do you keep a record of personal data processing?',
          ),
          help: loc(
            'Le RGPD demande de lister les traitements de données personnelles : fichier des électeurs, état civil, paie, listes d’inscription…',
            'The GDPR requires listing all personal data processing: electoral roll, civil registry, payroll, registration lists…',
          ),
        },
      ],
    },
    {
      id: 'ouverture',
      title: loc('Ouverture des données', 'Open data'),
      questions: [
        {
          id: 'publication_open_data',
          kind: 'yesno',
          headline: true,
          label: loc('Publiez-vous des données en open data ?', 'Do you publish open data?'),
          help: loc(
            'Open data (données ouvertes) : des données publiques mises en ligne dans un format réutilisable, librement et gratuitement. La loi l’impose aux collectivités de plus de 3 500 habitants qui emploient au moins 50 agents.',
            'Open data: public data put online in a reusable format, free of charge and free to reuse. The law requires it of authorities with over 3,500 inhabitants and at least 50 staff.',
          ),
        },
        {
          id: 'lieux_publication',
          kind: 'multiple',
          visibleIf: { question: 'publication_open_data', equals: 'oui' },
          label: loc('Où les publiez-vous ?', 'Where do you publish them?'),
          options: [
            option('data_gouv', 'Sur data.gouv.fr', 'On data.gouv.fr'),
            option('portail_propre', 'Sur un portail de la collectivité', 'On a portal of the authority'),
            option('portail_mutualise', 'Sur un portail régional, départemental ou de l’OPSN', 'On a regional, departmental or OPSN portal'),
            option('site_internet', 'Sur le site internet de la collectivité', 'On the authority’s website'),
            option('autre', 'Ailleurs', 'Elsewhere'),
          ],
          otherSpecify: true,
        },
        {
          id: 'donnees_publiees',
          kind: 'multiple',
          visibleIf: { question: 'publication_open_data', equals: 'oui' },
          label: loc('Quelles données publiez-vous ?', 'Which data do you publish?'),
          options: [
            option('deliberations', 'Délibérations et actes', 'Council decisions and acts'),
            option('budget_subventions', 'Budget et subventions', 'Budget and grants'),
            option('marches_publics', 'Données essentielles des marchés publics', 'Key public procurement data'),
            option('equipements', 'Équipements et services publics', 'Public facilities and services'),
            option('autre', 'Autres données', 'Other data'),
          ],
        },
        {
          id: 'nombre_jeux_donnees',
          kind: 'single',
          visibleIf: { question: 'publication_open_data', equals: 'oui' },
          label: loc(
            'Combien de jeux de données avez-vous publiés ?',
            'How many datasets have you published?',
          ),
          help: loc(
            'Un ordre de grandeur suffit ; le portail où vous publiez l’indique souvent.',
            'A rough figure is enough; the portal you publish on often shows it.',
          ),
          // Ranges rather than a count: the portal may be the OPSN's or the région's, and the
          // ranges are the ones its figures were always published in (same codes).
          options: [
            option('de_1_a_4', 'De 1 à 4', '1 to 4'),
            option('de_5_a_19', 'De 5 à 19', '5 to 19'),
            option('de_20_a_99', 'De 20 à 99', '20 to 99'),
            option('au_moins_100', '100 ou plus', '100 or more'),
            dontKnow(),
          ],
        },
        {
          id: 'ouverture_par_defaut',
          kind: 'single',
          // The duty of publishing by default binds collectivités of 3,500 inhabitants or more that
          // employ at least 50 agents: the population is known, the agents are the last option.
          visibleIf: { collectivite: 'population', gte: 3500 },
          label: loc(
            'La loi impose aux collectivités de 3 500 habitants ou plus qui emploient au moins 50 agents de publier en ligne leurs principaux documents et données. Où en est votre collectivité ?',
            'The law requires authorities of 3,500 inhabitants or more with at least 50 staff to publish their main documents and data online. Where does your authority stand?',
          ),
          help: loc(
            'Sont notamment visés les délibérations et arrêtés, le budget, les subventions versées, les données essentielles des marchés publics et les bases de données mises à jour régulièrement.',
            'This covers in particular council decisions and orders, the budget, grants paid, key public procurement data and regularly updated databases.',
          ),
          options: [
            option('respectee', 'Nous publions ce que la loi demande', 'We publish what the law requires'),
            option('partielle', 'Nous en publions une partie', 'We publish part of it'),
            option('non', 'Nous ne publions pas encore ces données', 'We do not publish this data yet'),
            option('non_concernee', 'Non concernée : moins de 50 agents', 'Not concerned: fewer than 50 staff'),
            dontKnow(),
          ],
        },
        {
          id: 'freins_ouverture',
          kind: 'multiple',
          visibleIf: { not: { question: 'publication_open_data', equals: 'oui' } },
          label: loc(
            'Qu’est-ce qui freine la publication de vos données ?',
            'What holds back publishing your data?',
          ),
          options: [
            option('temps', 'Le manque de temps ou de personnel', 'Lack of time or staff'),
            option('competences', 'Le manque de compétences techniques', 'Lack of technical skills'),
            option('interet', 'L’intérêt nous paraît faible', 'We see little benefit'),
            option('confidentialite', 'La crainte de publier des informations sensibles', 'Fear of publishing sensitive information'),
            option('outils', 'L’absence d’outil adapté', 'No suitable tool'),
            option('autre', 'Autre', 'Other'),
          ],
          otherSpecify: true,
        },
        {
          id: 'base_adresse_locale',
          kind: 'yesno',
          // Addresses are the commune's business (the intercommunalité may keep them for it): a
          // département or a région has none to keep.
          visibleIf: { collectivite: 'kind', in: ['commune', 'epci'] },
          label: loc(
            'Votre collectivité, ou son intercommunalité, tient-elle une Base adresse locale ?',
            'Does your authority, or its intercommunal body, maintain a local address database (Base adresse locale)?',
          ),
          help: loc(
            'La Base adresse locale liste les numéros et noms de voies ; elle alimente la Base adresse nationale utilisée par les secours, les livreurs et les GPS.',
            'The local address database lists street numbers and names; it feeds the national address database used by emergency services, couriers and GPS.',
          ),
        },
      ],
    },
    {
      id: 'partage',
      title: loc('Partage et usage des données', 'Sharing and using data'),
      questions: [
        {
          id: 'partage_opsn',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Partagez-vous des données avec votre OPSN ou d’autres collectivités pour des usages communs ?',
            'Do you share data with your OPSN or other authorities for joint uses?',
          ),
          help: glossary.opsn,
        },
        {
          id: 'sig',
          kind: 'single',
          label: loc(
            'Utilisez-vous un système d’information géographique (SIG) ?',
            'Do you use a geographic information system (GIS)?',
          ),
          help: loc(
            'Un outil de cartographie qui relie des données à des lieux : cadastre, réseaux, urbanisme, voirie…',
            'A mapping tool that links data to places: land registry, utility networks, planning, roads…',
          ),
          options: [
            option('propre', 'Oui, un outil de la collectivité', 'Yes, the authority’s own tool'),
            option('mutualise', 'Oui, un outil mutualisé (OPSN, intercommunalité, département)', 'Yes, a shared tool (OPSN, intercommunal body, département)'),
            option('non', 'Non', 'No'),
            dontKnow(),
          ],
        },
        {
          id: 'usages_donnees',
          kind: 'multiple',
          label: loc(
            'À quoi vous servent vos données au quotidien ?',
            'What do you use your data for day to day?',
          ),
          options: [
            option('pilotage', 'Piloter l’action publique (tableaux de bord)', 'Steering policy (dashboards)'),
            option('information_habitants', 'Informer les habitants', 'Informing residents'),
            option('amenagement', 'Préparer des travaux ou des aménagements', 'Planning works or developments'),
            option('energie', 'Suivre les consommations d’énergie', 'Monitoring energy use'),
            option('aucun', 'Pas d’usage particulier', 'No particular use'),
          ],
          exclusive: 'aucun',
        },
        {
          id: 'besoin_accompagnement',
          kind: 'yesno',
          label: loc(
            'Souhaiteriez-vous être accompagnés pour mieux utiliser vos données ?',
            'Would you like support to make better use of your data?',
          ),
        },
      ],
    },
  ],
} satisfies QuestionnaireDefinition;
