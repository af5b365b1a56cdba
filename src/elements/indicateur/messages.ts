import { createCatalog } from '../../core/i18n/catalog.js';

/** Words of `<barometre-indicateur>`, in French and English. */
export const indicatorMessages = createCatalog({
  fr: {
    answered: 'ont répondu « {answer} »',
    comparison: '{name} : {value}',
    comparisonNotes: '{value} ({notes})',
    // No-break spaces: "± 9 pts" never breaks over two lines.
    margin: '±\u00a0{margin}\u00a0pts',
    spokenFigure: '{value} ont répondu « {answer} ».',
    spokenFigureMargin: '{value} ont répondu « {answer} », à {margin} points près.',
    spokenComparison: '{name} : {value}.',
    spokenComparisonMargin: '{name} : {value}, à {margin} points près.',
    fragile: 'fragile',
    spokenFragile: 'Chiffre fragile.',
    fragileFew: 'Chiffre fragile : moins de {threshold} collectivités ont répondu, il est à lire avec prudence.',
    fragileWide: 'Chiffre fragile : sa marge d’erreur dépasse {points} points, il est à lire avec prudence.',
    indistinct: 'écart non significatif',
    spokenIndistinct: 'L’écart avec {main} n’est pas significatif.',
    aucune: 'Aucune collectivité de ce territoire n’a répondu à cette question.',
    insuffisant:
      'Moins de {minCell} collectivités de ce territoire ont répondu à cette question : c’est trop peu pour publier la part de celles qui ont répondu « {answer} ».',
    masque:
      'La part des collectivités de ce territoire qui ont répondu « {answer} » n’est pas publiée, pour protéger le secret statistique.',
    missing: 'Aucun chiffre n’est publié pour cette réponse sur ce territoire.',
  },
  en: {
    answered: 'answered “{answer}”',
    comparison: '{name}: {value}',
    comparisonNotes: '{value} ({notes})',
    margin: '±\u00a0{margin}\u00a0pts',
    spokenFigure: '{value} answered “{answer}”.',
    spokenFigureMargin: '{value} answered “{answer}”, give or take {margin} points.',
    spokenComparison: '{name}: {value}.',
    spokenComparisonMargin: '{name}: {value}, give or take {margin} points.',
    fragile: 'fragile',
    spokenFragile: 'A fragile figure.',
    fragileFew: 'Fragile figure: fewer than {threshold} authorities answered, so read it with care.',
    fragileWide: 'Fragile figure: its margin of error is over {points} points, so read it with care.',
    indistinct: 'difference not significant',
    spokenIndistinct: 'The difference with {main} is not significant.',
    aucune: 'No authority in this territory answered this question.',
    insuffisant:
      'Fewer than {minCell} authorities in this territory answered this question: too few to publish the share of those that answered “{answer}”.',
    masque: 'The share of authorities in this territory that answered “{answer}” is not published, to protect statistical secrecy.',
    missing: 'No figure is published for this answer in this territory.',
  },
});
