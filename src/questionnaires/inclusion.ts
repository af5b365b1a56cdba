import type { QuestionnaireDefinition } from '../core/schema/questionnaire.js';
import { loc, numberBin, option } from './builders.js';
import { dontKnow, respondentFunction } from './common.js';
import { glossary } from './glossary.js';

/** Wave 1 — digital inclusion: mediation venues, conseillers numériques, partnerships. */
export const inclusionDefinition = {
  theme: 'inclusion',
  version: '2.0.0',
  wave: 1,
  estimatedMinutes: 5,
  title: loc('Inclusion numérique', 'Digital inclusion'),
  description: loc(
    'Comment votre collectivité aide les habitants à utiliser le numérique et à faire leurs démarches en ligne.',
    'How your authority helps residents use digital tools and complete procedures online.',
  ),
  sections: [
    {
      id: 'lieux',
      title: loc('Lieux de médiation numérique', 'Digital mediation venues'),
      questions: [
        respondentFunction(),
        {
          id: 'lieu_mediation',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Votre collectivité dispose-t-elle d’au moins un lieu de médiation numérique ?',
            'Does your authority have at least one digital mediation venue?',
          ),
          help: loc(
            'Un lieu où les habitants sont accompagnés dans leurs usages du numérique : démarches en ligne, prise en main d’un ordinateur ou d’un téléphone, ateliers…',
            'A place where residents get help with digital tools: online procedures, learning to use a computer or a phone, workshops…',
          ),
        },
        {
          id: 'types_lieux',
          kind: 'multiple',
          visibleIf: { question: 'lieu_mediation', equals: 'oui' },
          label: loc('De quels types de lieux s’agit-il ?', 'What kinds of venues are they?'),
          options: [
            option('france_services', 'Espace France services', 'France services centre'),
            option('mediatheque', 'Médiathèque', 'Media library'),
            option('bibliotheque', 'Bibliothèque', 'Library'),
            option('epn', 'Espace public numérique (EPN)', 'Public digital space (EPN)'),
            option('centre_social', 'Centre social', 'Community centre'),
            option('autre', 'Autre lieu', 'Other venue'),
          ],
          otherSpecify: true,
        },
        {
          id: 'nombre_lieux',
          kind: 'number',
          visibleIf: { question: 'lieu_mediation', equals: 'oui' },
          label: loc('Combien de lieux de médiation numérique compte-t-elle ?', 'How many digital mediation venues does it have?'),
          min: 1,
          max: 500,
          integer: true,
          unit: loc('lieux', 'venues'),
          bins: [
            numberBin('un', 'Un lieu', 'One venue', 1),
            numberBin('deux_ou_trois', 'Deux ou trois', 'Two or three', 3),
            numberBin('de_4_a_9', 'De 4 à 9', '4 to 9', 9),
            numberBin('au_moins_10', '10 ou plus', '10 or more'),
          ],
        },
        {
          id: 'services_proposes',
          kind: 'multiple',
          visibleIf: { question: 'lieu_mediation', equals: 'oui' },
          label: loc('Quels services y sont proposés ?', 'Which services do they offer?'),
          options: [
            option(
              'accompagnement',
              'Accompagnement aux compétences numériques ou aux démarches administratives',
              'Help with digital skills or administrative procedures',
            ),
            option(
              'culture_numerique',
              'Développement de la culture numérique (ateliers, conférences…)',
              'Building digital literacy (workshops, talks…)',
            ),
            option(
              'evaluation_competences',
              'Évaluation des compétences numériques',
              'Assessment of digital skills',
            ),
            option('autre', 'Autre service', 'Other service'),
          ],
          otherSpecify: true,
        },
        {
          id: 'orientation_habitants',
          kind: 'single',
          // Asked when there is no venue (or the respondent does not know of one): where do people go instead?
          visibleIf: { not: { question: 'lieu_mediation', equals: 'oui' } },
          label: loc(
            'Quand un habitant a besoin d’aide pour une démarche en ligne, vers qui l’orientez-vous le plus souvent ?',
            'When a resident needs help with an online procedure, where do you most often send them?',
          ),
          options: [
            option('france_services_proche', 'Un espace France services proche', 'A nearby France services centre'),
            option('autre_collectivite', 'Un lieu d’une autre collectivité', 'A venue run by another authority'),
            option('association', 'Une association', 'A voluntary organisation'),
            option('aide_directe', 'Un agent ou un élu l’aide directement', 'A staff member or councillor helps them directly'),
            option('aucune_solution', 'Nous n’avons pas de solution à proposer', 'We have no solution to offer'),
            dontKnow(),
          ],
        },
      ],
    },
    {
      id: 'accompagnement',
      title: loc('Accompagnement des habitants', 'Supporting residents'),
      questions: [
        {
          id: 'conseiller_numerique',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Votre collectivité dispose-t-elle d’un conseiller numérique France services ?',
            'Does your authority have a France services digital adviser (conseiller numérique)?',
          ),
          help: loc(
            'Les conseillers numériques sont des professionnels formés, dont le poste est en partie financé par l’État, qui accompagnent les habitants vers l’autonomie numérique.',
            'Digital advisers are trained professionals, whose post is partly funded by the State, who help residents become independent online.',
          ),
        },
        {
          id: 'nombre_conseillers',
          kind: 'number',
          visibleIf: { question: 'conseiller_numerique', equals: 'oui' },
          label: loc('Combien de conseillers numériques ?', 'How many digital advisers?'),
          min: 1,
          max: 100,
          integer: true,
          unit: loc('conseillers', 'advisers'),
          bins: [
            numberBin('un', 'Un conseiller', 'One adviser', 1),
            numberBin('deux', 'Deux', 'Two', 2),
            numberBin('de_3_a_5', 'De 3 à 5', '3 to 5', 5),
            numberBin('au_moins_6', '6 ou plus', '6 or more'),
          ],
        },
        {
          id: 'aidants_connect',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Des agents de votre collectivité sont-ils habilités Aidants Connect ?',
            'Are any of your staff accredited for Aidants Connect?',
          ),
          help: loc(
            'Aidants Connect permet à un professionnel habilité de faire une démarche en ligne à la place d’une personne, de façon sécurisée et avec son accord.',
            'Aidants Connect lets an accredited professional complete an online procedure on someone’s behalf, securely and with their consent.',
          ),
        },
        {
          id: 'publics_cibles',
          kind: 'multiple',
          label: loc(
            'Menez-vous des actions d’inclusion numérique destinées à des publics particuliers ?',
            'Do you run digital inclusion actions aimed at particular groups?',
          ),
          options: [
            option('personnes_agees', 'Personnes âgées', 'Older people'),
            option('demandeurs_emploi', 'Demandeurs d’emploi', 'Jobseekers'),
            option('jeunes', 'Jeunes', 'Young people'),
            option('personnes_handicapees', 'Personnes en situation de handicap', 'People with disabilities'),
            option('non_francophones', 'Personnes non francophones', 'Non-French speakers'),
            option('aucun', 'Aucune action ciblée', 'No targeted action'),
          ],
          exclusive: 'aucun',
        },
        {
          id: 'pass_numerique',
          kind: 'yesno',
          label: loc(
            'Distribuez-vous des pass numériques (chèques donnant droit à des ateliers) ?',
            'Do you hand out digital passes (vouchers for training sessions)?',
          ),
        },
      ],
    },
    {
      id: 'organisation',
      title: loc('Organisation et partenariats', 'Organisation and partnerships'),
      questions: [
        {
          id: 'diagnostic_territorial',
          kind: 'yesno',
          headline: true,
          label: loc(
            'Un diagnostic des besoins d’inclusion numérique a-t-il été réalisé sur votre territoire ?',
            'Has an assessment of digital inclusion needs been carried out in your area?',
          ),
        },
        {
          id: 'partenaires',
          kind: 'multiple',
          label: loc(
            'Avec quels partenaires travaillez-vous sur l’inclusion numérique ?',
            'Which partners do you work with on digital inclusion?',
          ),
          help: glossary.opsn,
          options: [
            option('autres_collectivites', 'D’autres collectivités ou l’intercommunalité', 'Other authorities or the intercommunal body'),
            option('opsn', 'Un OPSN', 'An OPSN'),
            option('associations', 'Des associations', 'Voluntary organisations'),
            option('organismes_sociaux', 'CAF, France Travail ou autres organismes sociaux', 'Family allowance office, France Travail or other social bodies'),
            option('hub_territorial', 'Un réseau ou « hub » territorial pour un numérique inclusif', 'A regional network or "hub" for digital inclusion'),
            option('aucun', 'Aucun partenaire', 'No partner'),
          ],
          exclusive: 'aucun',
        },
        {
          id: 'budget_inclusion',
          kind: 'yesno',
          label: loc(
            'Votre collectivité consacre-t-elle un budget identifié à l’inclusion numérique ?',
            'Does your authority set aside a specific budget for digital inclusion?',
          ),
        },
        {
          id: 'besoin_principal',
          kind: 'text',
          required: false,
          maxLength: 500,
          label: loc(
            'Quel serait votre principal besoin pour améliorer l’inclusion numérique sur votre territoire ?',
            'What would you most need to improve digital inclusion in your area?',
          ),
        },
      ],
    },
  ],
} satisfies QuestionnaireDefinition;
