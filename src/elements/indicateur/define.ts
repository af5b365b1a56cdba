import { defineElement } from '../shared/define.js';
import { BarometreIndicateur } from './barometre-indicateur.js';

defineElement('barometre-indicateur', BarometreIndicateur);

export { BarometreIndicateur };
