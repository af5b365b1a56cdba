import { createCatalog } from '../../../../core/i18n/catalog.js';

/** What the "Intégrer" panel says, in French and English; loaded with the panel. */
export const embedMessages = createCatalog({
  fr: {
    'title-barometre-territoire-chart': 'Intégrer ce graphique dans une page',
    'title-barometre-indicateur': 'Intégrer ce chiffre clé dans une page',
    'title-barometre-carte': 'Intégrer cette carte dans une page',
    'title-barometre-evolution': 'Intégrer cette évolution dans une page',
    help: 'Collez ce code HTML dans votre page\u00a0: il affiche les mêmes chiffres, avec les mêmes réglages. Une seule balise script suffit pour toutes les figures d’une page.',
    helpNoScript:
      'Collez ce code HTML dans votre page, qui doit aussi charger la bibliothèque barometre-widgets (balise script ou import)\u00a0: il affiche les mêmes chiffres, avec les mêmes réglages.',
    codeLabel: 'Code HTML à copier',
    copy: 'Copier',
    close: 'Fermer',
    copied: 'Code copié dans le presse-papiers.',
    copyFailed: 'Copie automatique impossible\u00a0: le code est sélectionné, copiez-le avec Ctrl+C (Cmd+C sur Mac).',
  },
  en: {
    'title-barometre-territoire-chart': 'Embed this chart in a page',
    'title-barometre-indicateur': 'Embed this key figure in a page',
    'title-barometre-carte': 'Embed this map in a page',
    'title-barometre-evolution': 'Embed this change over time in a page',
    help: 'Paste this HTML into your page: it shows the same figures, with the same settings. One script tag is enough for every figure of a page.',
    helpNoScript:
      'Paste this HTML into your page, which must also load the barometre-widgets library (script tag or import): it shows the same figures, with the same settings.',
    codeLabel: 'HTML code to copy',
    copy: 'Copy',
    close: 'Close',
    copied: 'Code copied to the clipboard.',
    copyFailed: 'Automatic copy is not possible: the code is selected, copy it with Ctrl+C (Cmd+C on a Mac).',
  },
});
