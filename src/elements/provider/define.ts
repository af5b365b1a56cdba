import { defineElement } from '../shared/define.js';
import { BarometreProvider } from './barometre-provider.js';

defineElement('barometre-provider', BarometreProvider);

export { BarometreProvider };
