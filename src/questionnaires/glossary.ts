import { loc } from './builders.js';

/**
 * Help texts for terms that come back in several themes, written once so every questionnaire
 * explains them the same way.
 */
export const glossary = {
  opsn: loc(
    'Un opérateur public de services numériques (OPSN) est une structure publique (syndicat, agence, groupement…) qui met en commun des services numériques pour les collectivités membres : logiciels, hébergement, accompagnement, sécurité, données.',
    'An OPSN (public digital services operator) is a public body (syndicate, agency, consortium…) that pools digital services for its member authorities: software, hosting, support, security, data.',
  ),
  saas: loc(
    'SaaS (« logiciel en tant que service ») : le logiciel s’utilise en ligne, dans un navigateur, et il est hébergé par son fournisseur ; rien n’est installé sur vos ordinateurs.',
    'SaaS ("software as a service"): the software is used online, in a web browser, and hosted by its supplier; nothing is installed on your computers.',
  ),
  rgaa: loc(
    'Le RGAA est le référentiel français d’accessibilité numérique. Les collectivités doivent publier une déclaration d’accessibilité indiquant le niveau de conformité de leurs sites et services en ligne.',
    'The RGAA is the French digital accessibility standard. Local authorities must publish an accessibility statement giving the compliance level of their websites and online services.',
  ),
} as const;
