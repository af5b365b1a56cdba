import { defineElement } from '../shared/define.js';
import { BarometreSynthese } from './barometre-synthese.js';

defineElement('barometre-synthese', BarometreSynthese);

export { BarometreSynthese };
