import type { QuestionnaireDefinition } from '../core/schema/questionnaire.js';
import { loc, option } from './builders.js';
import { dontKnow, respondentFunction } from './common.js';
import { glossary } from './glossary.js';

/** Wave 3 — paperless procedures: residents' online requests, planning permits, payslips, invoices, council acts. */
export const dematerialisationDefinition = {
  theme: 'dematerialisation',
  version: '2.0.0',
  wave: 3,
  estimatedMinutes: 6,
  title: loc('Dématérialisation des démarches', 'Paperless procedures'),
  description: loc(
    'Les démarches que les habitants peuvent faire en ligne et les échanges de la collectivité qui se passent de papier.',
    'The procedures residents can complete online and the authority’s exchanges that no longer need paper.',
  ),
  sections: [
    {
      id: 'demarches_habitants',
      title: loc('Démarches des habitants', 'Residents’ procedures'),
      questions: [
        respondentFunction(),
        {
          id: 'demarches_en_ligne',
          kind: 'multiple',
          // État civil, recensement citoyen and planning applications are filed with the commune.
          visibleIf: { collectivite: 'kind', in: ['commune'] },
          label: loc(
            'Quelles démarches les habitants peuvent-ils faire en ligne auprès de votre commune ?',
            'Which procedures can residents complete online with your authority?',
          ),
          options: [
            option('etat_civil', 'Demande d’acte d’état civil', 'Civil registry certificate request'),
            option('urbanisme', 'Demande d’autorisation d’urbanisme', 'Planning application'),
            option('recensement_citoyen', 'Recensement citoyen des jeunes de 16 ans', 'Citizenship registration at 16'),
            option('occupation_domaine_public', 'Autorisation d’occupation du domaine public (terrasse, déménagement…)', 'Permit to use public space (café terrace, removal van…)'),
            option('autre', 'Autre démarche', 'Other procedure'),
            option('aucune', 'Aucune démarche en ligne', 'No online procedure'),
          ],
          otherSpecify: true,
          exclusive: 'aucune',
        },
        {
          id: 'demarches_en_ligne_collectivite',
          kind: 'multiple',
          visibleIf: { collectivite: 'kind', in: ['epci', 'departement', 'region', 'csp', 'syndicat'] },
          label: loc(
            'Quelles démarches les usagers peuvent-ils faire en ligne auprès de votre collectivité ?',
            'Which procedures can users complete online with your authority?',
          ),
          options: [
            option('aides_sociales', 'Demandes d’aides ou de prestations sociales', 'Applications for social benefits or support'),
            option('transport_scolaire', 'Inscription au transport scolaire', 'School transport registration'),
            option('dechets', 'Collecte des déchets (badge, bac, déchèterie)', 'Waste collection (pass, bin, recycling centre)'),
            option('eau_assainissement', 'Eau et assainissement (abonnement, contrôle)', 'Water and sanitation (subscription, inspection)'),
            option('subventions', 'Demandes de subventions', 'Grant applications'),
            option('autre', 'Autre démarche', 'Other procedure'),
            option('aucune', 'Aucune démarche en ligne', 'No online procedure'),
          ],
          otherSpecify: true,
          exclusive: 'aucune',
        },
        {
          id: 'outil_formulaires',
          kind: 'single',
          visibleIf: {
            all: [
              { not: { question: 'demarches_en_ligne', includes: 'aucune' } },
              { not: { question: 'demarches_en_ligne_collectivite', includes: 'aucune' } },
            ],
          },
          label: loc(
            'Avec quel outil proposez-vous ces démarches en ligne ?',
            'Which tool do you use to offer these online procedures?',
          ),
          help: glossary.opsn,
          options: [
            option('demarches_simplifiees', 'Démarches simplifiées (service de l’État)', 'Démarches simplifiées (State service)'),
            option('opsn', 'Un outil fourni par l’OPSN', 'A tool provided by the OPSN'),
            option('editeur', 'La solution d’un éditeur privé', 'A private vendor’s product'),
            option('site_internet', 'Un formulaire du site internet', 'A form on the website'),
            option('autre', 'Autre', 'Other'),
            dontKnow(),
          ],
          otherSpecify: true,
        },
        {
          id: 'part_demandes_en_ligne',
          kind: 'single',
          visibleIf: {
            all: [
              { not: { question: 'demarches_en_ligne', includes: 'aucune' } },
              { not: { question: 'demarches_en_ligne_collectivite', includes: 'aucune' } },
            ],
          },
          label: loc(
            'Environ quelle part des demandes des habitants et usagers vous parvient en ligne ?',
            'Roughly what share of residents’ and users’ requests reaches you online?',
          ),
          help: loc('Un ordre de grandeur suffit.', 'A rough figure is enough.'),
          // Ranges rather than a share: few collectivités count their requests by channel, and the
          // ranges are the ones its figures were always published in (same codes).
          options: [
            option('moins_de_10', 'Moins de 10 %', 'Under 10%'),
            option('de_10_a_24', 'De 10 à 24 %', '10 to 24%'),
            option('de_25_a_49', 'De 25 à 49 %', '25 to 49%'),
            option('de_50_a_74', 'De 50 à 74 %', '50 to 74%'),
            option('au_moins_75', '75 % ou plus', '75% or more'),
            dontKnow(),
          ],
        },
        {
          id: 'saisine_electronique',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Les habitants peuvent-ils vous adresser n’importe quelle demande par voie électronique (formulaire ou adresse dédiée) ?',
            'Can residents send you any request electronically (a form or a dedicated address)?',
          ),
          help: loc(
            'Depuis 2016, tout usager a le droit de saisir l’administration par voie électronique (SVE) pour une démarche.',
            'Since 2016, every user has the right to contact the administration electronically (SVE) about a procedure.',
          ),
        },
        {
          id: 'urbanisme_en_ligne',
          kind: 'single',
          headline: true,
          // Planning applications are filed with the commune, whoever processes them.
          visibleIf: { collectivite: 'kind', in: ['commune'] },
          label: loc(
            'Les demandes d’autorisation d’urbanisme (permis de construire, déclaration préalable) peuvent-elles être déposées en ligne ?',
            'Can planning applications (building permits, prior declarations) be filed online?',
          ),
          help: loc(
            'Depuis le 1er janvier 2022, toutes les communes doivent pouvoir recevoir ces demandes en ligne ; celles de plus de 3 500 habitants doivent aussi les instruire sans papier.',
            'Since 1 January 2022, every commune must be able to receive these applications online; those over 3,500 inhabitants must also process them without paper.',
          ),
          options: [
            option('teleservice', 'Oui, par un téléservice dédié', 'Yes, through a dedicated online service'),
            option('courriel', 'Oui, par courriel ou un formulaire simple', 'Yes, by e-mail or a simple form'),
            option('non', 'Non', 'No'),
            option('non_concerne', 'Non concerné (pas de compétence en urbanisme)', 'Not applicable (no planning powers)'),
            dontKnow(),
          ],
        },
        {
          id: 'aide_demarches',
          kind: 'yesno',
          label: loc(
            'Aidez-vous les habitants qui ne peuvent pas faire leurs démarches en ligne ?',
            'Do you help residents who cannot complete procedures online?',
          ),
        },
      ],
    },
    {
      id: 'gestion_administrative',
      title: loc('Gestion administrative', 'Back office'),
      questions: [
        {
          id: 'paie_dematerialisee',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Les bulletins de paie des agents sont-ils dématérialisés ?',
            'Are staff payslips issued electronically?',
          ),
          help: loc(
            'Remis sous forme électronique, par exemple dans un espace personnel sécurisé, au lieu d’être imprimés.',
            'Delivered electronically, for example in a secure personal space, instead of being printed.',
          ),
        },
        {
          id: 'factures_fournisseurs',
          kind: 'single',
          label: loc(
            'Comment recevez-vous les factures de vos fournisseurs ?',
            'How do you receive your suppliers’ invoices?',
          ),
          help: loc(
            'Chorus Pro est la plateforme de l’État par laquelle les fournisseurs déposent leurs factures destinées au secteur public.',
            'Chorus Pro is the State platform through which suppliers file their invoices to the public sector.',
          ),
          options: [
            option('chorus_pro', 'Toutes ou presque par Chorus Pro', 'All or nearly all through Chorus Pro'),
            option('chorus_pro_partiel', 'Une partie par Chorus Pro, le reste sur papier ou par courriel', 'Some through Chorus Pro, the rest on paper or by e-mail'),
            option('papier_courriel', 'Surtout sur papier ou par courriel', 'Mostly on paper or by e-mail'),
            dontKnow(),
          ],
        },
        {
          id: 'chaine_comptable',
          kind: 'yesno',
          label: loc(
            'Vos mandats, titres et pièces justificatives sont-ils transmis au comptable public sous forme électronique ?',
            'Are your payment orders, revenue orders and supporting documents sent to the public accountant electronically?',
          ),
        },
        {
          id: 'actes_ctes',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Transmettez-vous vos actes (délibérations, arrêtés) à la préfecture par voie électronique avec @ctes ?',
            'Do you send your acts (council decisions, orders) to the prefecture electronically through @ctes?',
          ),
          help: loc(
            '@ctes est l’application de l’État qui permet d’envoyer les actes au contrôle de légalité sans papier.',
            '@ctes is the State application for sending acts for legality review without paper.',
          ),
        },
        {
          id: 'convocations_electroniques',
          kind: 'yesno',
          label: loc(
            'Les convocations et documents des séances sont-ils envoyés aux élus par voie électronique ?',
            'Are meeting notices and papers sent to councillors electronically?',
          ),
        },
        {
          id: 'archivage_electronique',
          kind: 'single',
          label: loc(
            'Comment conservez-vous les documents produits sous forme électronique ?',
            'How do you keep documents produced in electronic form?',
          ),
          help: loc(
            'Un système d’archivage électronique (SAE) garantit dans la durée l’intégrité et la lisibilité des documents numériques.',
            'An electronic records management system (SAE) keeps digital documents intact and readable over time.',
          ),
          options: [
            option('sae', 'Dans un système d’archivage électronique, le cas échéant mutualisé', 'In an electronic records system, possibly shared'),
            option('serveur', 'Sur un serveur ou des disques, sans outil dédié', 'On a server or disks, with no dedicated tool'),
            option('impression', 'Ils sont imprimés pour être archivés', 'They are printed for archiving'),
            option('nsp', 'Je ne sais pas', 'I don’t know'),
          ],
        },
      ],
    },
    {
      id: 'freins',
      title: loc('Freins et accompagnement', 'Obstacles and support'),
      questions: [
        {
          id: 'freins_dematerialisation',
          kind: 'multiple',
          label: loc(
            'Qu’est-ce qui freine la dématérialisation dans votre collectivité ?',
            'What holds back going paperless in your authority?',
          ),
          options: [
            option('cout', 'Le coût des outils', 'The cost of tools'),
            option('competences', 'Les compétences ou le temps des agents', 'Staff skills or time'),
            option('habitants', 'Des habitants peu à l’aise avec le numérique', 'Residents uncomfortable with digital tools'),
            option('connexion', 'Une connexion internet insuffisante', 'A poor internet connection'),
            option('outils_incompatibles', 'Des outils qui ne communiquent pas entre eux', 'Tools that do not work together'),
            option('aucun', 'Pas de frein particulier', 'No particular obstacle'),
          ],
          exclusive: 'aucun',
        },
        {
          id: 'accompagnement_opsn',
          kind: 'yesno',
          label: loc(
            'Un OPSN vous accompagne-t-il pour dématérialiser vos procédures ?',
            'Does an OPSN support you in taking your procedures paperless?',
          ),
          help: glossary.opsn,
        },
      ],
    },
  ],
} satisfies QuestionnaireDefinition;
