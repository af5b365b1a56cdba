import { defineElement } from '../shared/define.js';
import { BarometreParticipation } from './barometre-participation.js';

defineElement('barometre-participation', BarometreParticipation);

export { BarometreParticipation };
