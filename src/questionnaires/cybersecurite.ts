import type { QuestionnaireDefinition } from '../core/schema/questionnaire.js';
import { loc, option } from './builders.js';
import { dontKnow, respondentFunction } from './common.js';
import { glossary } from './glossary.js';

/** Wave 1 — cybersecurity: incidents, security officer, continuity plans, backups, awareness. */
export const cybersecuriteDefinition = {
  theme: 'cybersecurite',
  version: '2.0.0',
  wave: 1,
  estimatedMinutes: 6,
  title: loc('Cybersécurité', 'Cybersecurity'),
  description: loc(
    'Les incidents subis, l’organisation de la sécurité informatique et la sensibilisation des agents et des élus.',
    'Incidents suffered, how IT security is organised, and awareness among staff and councillors.',
  ),
  sections: [
    {
      id: 'incidents',
      title: loc('Incidents', 'Incidents'),
      questions: [
        respondentFunction(),
        {
          id: 'cyberattaque_3ans',
          kind: 'yesno',
          sensible: true,
          headline: true,
          label: loc(
            'Votre collectivité a-t-elle subi une cyberattaque au cours des trois dernières années ?',
            'Has your authority suffered a cyberattack in the last three years?',
          ),
          help: loc(
            'Par exemple : rançongiciel, piratage de messagerie, intrusion, fraude au faux fournisseur ou site internet rendu inaccessible.',
            'For example: ransomware, hacked e-mail, intrusion, fake-supplier fraud, or a website taken offline.',
          ),
        },
        {
          id: 'types_attaques',
          kind: 'multiple',
          sensible: true,
          visibleIf: { question: 'cyberattaque_3ans', equals: 'oui' },
          label: loc(
            'De quels types d’attaques s’agissait-il ? Si vous en avez subi plusieurs, cochez-les toutes.',
            'What kinds of attacks were they? If you suffered several, tick them all.',
          ),
          options: [
            option('rancongiciel', 'Rançongiciel (fichiers chiffrés contre rançon)', 'Ransomware (files encrypted for a ransom)'),
            option('hameconnage', 'Hameçonnage ou piratage d’un compte', 'Phishing or a hijacked account'),
            option('fraude_virement', 'Fraude au virement (faux fournisseur, faux RIB)', 'Payment fraud (fake supplier, fake bank details)'),
            option('site_indisponible', 'Site internet piraté ou rendu indisponible', 'Website hacked or taken offline'),
            option('fuite_donnees', 'Vol ou fuite de données', 'Data theft or leak'),
            option('autre', 'Autre', 'Other'),
          ],
          otherSpecify: true,
        },
        {
          id: 'duree_interruption',
          kind: 'single',
          sensible: true,
          visibleIf: { question: 'cyberattaque_3ans', equals: 'oui' },
          label: loc(
            'Ces attaques ont-elles interrompu des services de la collectivité ? Indiquez l’interruption la plus longue.',
            'Did these attacks interrupt any of the authority’s services? Give the longest interruption.',
          ),
          options: [
            option('aucune', 'Non, aucune interruption', 'No, no interruption'),
            option('moins_semaine', 'Oui, moins d’une semaine', 'Yes, for less than a week'),
            option('plus_semaine', 'Oui, une semaine ou plus', 'Yes, for a week or more'),
            dontKnow(),
          ],
        },
        {
          id: 'notification_cnil',
          kind: 'yesno',
          sensible: true,
          // Only a leak of personal data calls for a notification to the data-protection authority.
          visibleIf: {
            all: [
              { question: 'cyberattaque_3ans', equals: 'oui' },
              { question: 'types_attaques', includes: 'fuite_donnees' },
            ],
          },
          label: loc(
            'Avez-vous notifié à la CNIL la ou les fuites de données subies ?',
            'Did you notify the CNIL (data-protection authority) of the data leak or leaks?',
          ),
          help: loc(
            'Le RGPD impose de notifier à la CNIL, sous 72 heures, une violation de données personnelles qui présente un risque pour les personnes concernées.',
            'The GDPR requires notifying the CNIL within 72 hours of a personal data breach that puts the people concerned at risk.',
          ),
        },
        {
          id: 'plainte',
          kind: 'yesno',
          sensible: true,
          visibleIf: { question: 'cyberattaque_3ans', equals: 'oui' },
          label: loc(
            'Une plainte a-t-elle été déposée pour au moins une de ces attaques ?',
            'Was a complaint filed with the police for at least one of these attacks?',
          ),
        },
      ],
    },
    {
      id: 'organisation',
      title: loc('Organisation et plans de secours', 'Organisation and contingency plans'),
      questions: [
        {
          id: 'rssi',
          kind: 'single',
          headline: true,
          label: loc(
            'Votre collectivité dispose-t-elle d’un responsable de la sécurité des systèmes d’information (RSSI) ?',
            'Does your authority have an information systems security officer (RSSI)?',
          ),
          help: loc(
            'Le RSSI définit et suit la politique de sécurité informatique. Ce peut être un agent de la collectivité ou une personne partagée avec d’autres structures, par exemple via un OPSN ou un centre de gestion.',
            'The RSSI sets and monitors the IT security policy. It may be one of your staff or a person shared with other bodies, for instance through an OPSN or a management centre.',
          ),
          options: [
            option('interne', 'Oui, en interne', 'Yes, in-house'),
            option('mutualise', 'Oui, mutualisé avec d’autres structures', 'Yes, shared with other bodies'),
            option('aucun', 'Non', 'No'),
            dontKnow(),
          ],
        },
        {
          id: 'pca_pra',
          kind: 'single',
          headline: true,
          label: loc(
            'Disposez-vous d’un plan de continuité d’activité (PCA) et d’un plan de reprise d’activité (PRA) ?',
            'Do you have a business continuity plan (PCA) and a disaster recovery plan (PRA)?',
          ),
          help: loc(
            'Le PCA prévoit comment assurer les services essentiels pendant une crise (panne, cyberattaque). Le PRA prévoit comment redémarrer les systèmes et restaurer les données après.',
            'The PCA sets out how essential services keep running during a crisis (outage, cyberattack). The PRA sets out how systems are restarted and data restored afterwards.',
          ),
          options: [
            option('pca_et_pra', 'Oui, les deux', 'Yes, both'),
            option('pca_seul', 'Un PCA seulement', 'A PCA only'),
            option('pra_seul', 'Un PRA seulement', 'A PRA only'),
            option('aucun', 'Ni l’un ni l’autre', 'Neither'),
            dontKnow(),
          ],
        },
        {
          id: 'sauvegardes',
          kind: 'single',
          label: loc(
            'Comment les données de la collectivité sont-elles sauvegardées ?',
            'How is the authority’s data backed up?',
          ),
          options: [
            option(
              'reguliere_externalisee',
              'Régulièrement, avec une copie hors des locaux ou déconnectée du réseau',
              'Regularly, with a copy kept off-site or disconnected from the network',
            ),
            option('reguliere_locale', 'Régulièrement, uniquement dans les locaux', 'Regularly, on the premises only'),
            option('occasionnelle', 'De temps en temps', 'Now and then'),
            option('aucune', 'Pas de sauvegarde', 'No backup'),
            option('nsp', 'Je ne sais pas', 'I don’t know'),
          ],
        },
        {
          id: 'test_restauration',
          kind: 'yesno',
          visibleIf: {
            question: 'sauvegardes',
            in: ['reguliere_externalisee', 'reguliere_locale', 'occasionnelle'],
          },
          label: loc(
            'Avez-vous vérifié au cours de l’année écoulée que vos sauvegardes pouvaient être restaurées ?',
            'Have you checked in the past year that your backups can be restored?',
          ),
        },
        {
          id: 'double_authentification',
          kind: 'yesno',
          label: loc(
            'La double authentification est-elle activée sur les messageries de la collectivité ?',
            'Is two-factor authentication switched on for the authority’s e-mail accounts?',
          ),
          help: loc(
            'En plus du mot de passe, un code reçu sur un téléphone ou donné par une application est demandé.',
            'On top of the password, a code received on a phone or given by an app is required.',
          ),
        },
        {
          id: 'double_authentification_distance',
          kind: 'single',
          label: loc(
            'Et pour les accès à distance au réseau ou aux logiciels de la collectivité (télétravail, prestataires) ?',
            'And for remote access to the authority’s network or software (remote work, contractors)?',
          ),
          options: [
            option('oui', 'Oui, la double authentification est demandée', 'Yes, two-factor authentication is required'),
            option('non', 'Non', 'No'),
            option('pas_d_acces', 'Il n’y a pas d’accès à distance', 'There is no remote access'),
            dontKnow(),
          ],
        },
        {
          id: 'mises_a_jour',
          kind: 'single',
          label: loc(
            'Comment les mises à jour de sécurité et l’antivirus des ordinateurs sont-ils tenus à jour ?',
            'How are security updates and antivirus kept up to date on the computers?',
          ),
          options: [
            option('centralise', 'De façon centralisée et suivie (service informatique, OPSN, prestataire)', 'Centrally and monitored (IT department, OPSN, contractor)'),
            option('automatique', 'Automatiquement, poste par poste, sans suivi d’ensemble', 'Automatically, computer by computer, with no overall monitoring'),
            option('irregulier', 'Irrégulièrement, quand quelqu’un y pense', 'Irregularly, when someone thinks of it'),
            dontKnow(),
          ],
        },
        {
          id: 'assurance_cyber',
          kind: 'yesno',
          label: loc(
            'Votre collectivité est-elle assurée contre les conséquences d’une cyberattaque ?',
            'Is your authority insured against the consequences of a cyberattack?',
          ),
          help: loc(
            'Un contrat spécifique ou une garantie « cyber » ajoutée à un contrat existant (responsabilité civile, dommages).',
            'A specific policy or "cyber" cover added to an existing policy (liability, damage).',
          ),
        },
        {
          id: 'signalement_incident',
          kind: 'multiple',
          label: loc(
            'En cas de cyberattaque, à qui la signaleriez-vous ?',
            'If you suffered a cyberattack, whom would you report it to?',
          ),
          options: [
            option('cybermalveillance', 'Cybermalveillance.gouv.fr', 'Cybermalveillance.gouv.fr'),
            option('csirt_regional', 'Le centre régional de réponse aux incidents (CSIRT)', 'The regional incident response centre (CSIRT)'),
            option('anssi', 'L’ANSSI (CERT-FR)', 'ANSSI (CERT-FR)'),
            option('gendarmerie_police', 'La gendarmerie ou la police', 'The gendarmerie or the police'),
            option('opsn_prestataire', 'Notre OPSN ou notre prestataire informatique', 'Our OPSN or IT contractor'),
            option('nsp', 'Nous ne savons pas', 'We do not know'),
          ],
          exclusive: 'nsp',
        },
        {
          id: 'nis2',
          kind: 'single',
          label: loc(
            'Votre collectivité est-elle concernée par la directive européenne NIS 2, et s’y prépare-t-elle ?',
            'Is your authority covered by the EU NIS 2 directive, and is it preparing for it?',
          ),
          help: loc(
            'NIS 2 impose des mesures de cybersécurité et la déclaration des incidents aux entités qu’elle désigne : les régions, les départements et les plus grandes communes et intercommunalités, ainsi que certains syndicats (eau, déchets, numérique).',
            'NIS 2 requires cybersecurity measures and incident reporting from the entities it designates: régions, départements and the largest communes and intercommunal bodies, as well as some joint authorities (water, waste, digital).',
          ),
          // Asked of all: whether a small commune knows it is not concerned is a finding too.
          options: [
            option('concernee_engagee', 'Concernée, et la mise en conformité est engagée', 'Covered, and compliance work has started'),
            option('concernee_pas_encore', 'Concernée, mais rien n’est encore engagé', 'Covered, but nothing has started yet'),
            option('non_concernee', 'Non concernée', 'Not covered'),
            dontKnow(),
          ],
        },
      ],
    },
    {
      id: 'sensibilisation',
      title: loc('Sensibilisation et formation', 'Awareness and training'),
      questions: [
        {
          id: 'actions_sensibilisation',
          kind: 'multiple',
          label: loc(
            'Quelles actions de sensibilisation à la cybersécurité avez-vous menées au cours des deux dernières années ?',
            'Which cybersecurity awareness actions have you run in the last two years?',
          ),
          options: [
            option('reunion_information', 'Réunion ou atelier d’information', 'Information meeting or workshop'),
            option('exercice_hameconnage', 'Faux courriel piégé pour entraîner les agents', 'Fake phishing e-mail to train staff'),
            option('charte_guide', 'Diffusion d’une charte informatique ou d’un guide', 'Circulating an IT charter or a guide'),
            option('module_en_ligne', 'Module de sensibilisation en ligne', 'Online awareness course'),
            option('aucune', 'Aucune action', 'No action'),
          ],
          exclusive: 'aucune',
        },
        {
          id: 'formation_agents',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Des agents ont-ils suivi une formation à la cybersécurité au cours des deux dernières années ?',
            'Have any staff members been trained in cybersecurity in the last two years?',
          ),
        },
        {
          id: 'formation_elus',
          kind: 'yesno',
          label: loc(
            'Des élus ont-ils suivi une formation à la cybersécurité au cours des deux dernières années ?',
            'Have any councillors been trained in cybersecurity in the last two years?',
          ),
        },
        {
          id: 'appuis_exterieurs',
          kind: 'multiple',
          label: loc(
            'De quels appuis extérieurs avez-vous bénéficié en cybersécurité ?',
            'What outside support have you received on cybersecurity?',
          ),
          help: glossary.opsn,
          options: [
            option('parcours_anssi', 'Un parcours de cybersécurité de l’ANSSI', 'An ANSSI cybersecurity programme'),
            option('csirt_regional', 'Le centre régional de réponse aux incidents (CSIRT)', 'The regional incident response centre (CSIRT)'),
            option('opsn', 'Un OPSN', 'An OPSN'),
            option('cybermalveillance', 'Le dispositif Cybermalveillance.gouv.fr', 'The Cybermalveillance.gouv.fr service'),
            option('aucun', 'Aucun appui', 'No support'),
          ],
          exclusive: 'aucun',
        },
      ],
    },
  ],
} satisfies QuestionnaireDefinition;
