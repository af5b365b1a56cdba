import { createCatalog } from '../../core/i18n/catalog.js';

/** Words of `<barometre-indicateur>`, in French and English. */
export const indicatorMessages = createCatalog({
  fr: {
    answered: 'ont répondu « {answer} »',
    comparison: '{name} : {value}',
  },
  en: {
    answered: 'answered “{answer}”',
    comparison: '{name}: {value}',
  },
});
