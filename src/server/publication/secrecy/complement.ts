import { codesOf } from '../../../core/stats/tally.js';
import { headlineCodes, isHeadlineFigure } from '../headline.js';
import type { LinkExpression } from './follow-ups.js';
import { hideQuestion, maskFollowUps, protectionFor } from './primary.js';
import type { SecrecyState } from './state.js';

/**
 * Complementary suppression: more cells hidden so that hidden ones cannot be worked out from
 * the published totals they add up to.
 *
 * Each *relation* is one additive fact of the publication for one question and code: a parent
 * series is the sum of its children (France of its régions and bodies, a région of its
 * départements, a group of its bands), and a question's respondents are the sum of its codes
 * (yes/no, single choice, bins). Within a relation, a hidden cell can move only if other hidden
 * cells move the other way: each relation must keep, for every hidden cell, hidden partners able
 * to absorb the uncertainty its protection asks for. Partners are chosen for the least
 * information lost: small cells of small series, "ne sait pas" before other answers, other
 * counts before the figures a headline question is read by (see `headlineCodes`), France and the
 * régions last — but a département's own headline figure after the régions' (see
 * {@link OWN_FIGURE}). The audit then checks the result
 * over all tables at once; what it finds lacking comes back here as a named cell.
 */

/** One additive fact among cells of one question: `total` (if any) = Σ `parts`. */
interface Relation {
  question: number;
  code: string;
  /** The series holding the sum; absent when the total is a published number of respondents. */
  total?: number;
  /** Series of the parts, or for a code relation the one series whose codes add up. */
  parts: readonly number[];
  /** Codes of a code relation (the parts are then one series' codes). */
  codes?: readonly string[];
}

interface Member {
  series: number;
  code: string;
  isTotal: boolean;
}

/** A hidden member its partners cannot cover, the direction it lacks room in, and by how many respondents. */
interface Lack {
  member: Member;
  direction: 'up' | 'down';
  amount: number;
}

function membersOf(relation: Relation): Member[] {
  if (relation.codes) return relation.codes.map((code) => ({ series: relation.parts[0]!, code, isTotal: false }));
  const members = relation.parts.map((series) => ({ series, code: relation.code, isTotal: false }));
  if (relation.total !== undefined) members.push({ series: relation.total, code: relation.code, isTotal: true });
  return members;
}

/**
 * A question of a series that already hides a count no longer reads whole: hiding another of its
 * counts costs readers little more than what they have already lost.
 */
const DAMAGED_QUESTION = 0.1;

/**
 * A département's headline figure with k answers or more is what its prefecture reads first, and
 * what the map of its answer shows: dearer than two régions' (a région's count hidden needs a
 * second one hidden, or France would give it). A département below k, alone of its région, is
 * then protected by its région's count and another région's rather than by a neighbour's figure
 * (`npm run bench:secrecy` gives both sides of that trade).
 */
const OWN_FIGURE = 80;

/** The least a département's own headline figure costs (see `cellCost`). */
export const OWN_FIGURE_COST = 25 * OWN_FIGURE;

/** What hiding a cell costs readers: see the module's comment. */
export function cellCost(state: SecrecyState, s: number, q: number, code: string): number {
  const series = state.tables.series[s]!;
  const headline = isHeadlineFigure(state.question(q), code);
  const level = series.level === 'departement' ? 1 : series.level === 'groupe' ? (series.band ? 2 : 6) : series.level === 'region' ? 12 : 1000;
  const answer = code === 'nsp' ? 0.5 : 1;
  // A headline figure is read on its own: the question's other counts being hidden takes nothing from it.
  const lost = headline ? headlineCodes(state.question(q)).some((c) => !state.isKnown(s, q, c)) : state.hiddenIn(s, q) > 0;
  const damaged = lost ? DAMAGED_QUESTION : 1;
  const own = series.level === 'departement' && headline && !lost && state.base(s, q) >= state.minCell ? OWN_FIGURE : 1;
  return level * (headline ? 25 : 1) * own * answer * damaged * (1 + Math.log1p(state.value(s, q, code)));
}

export class Complements {
  readonly #relations: Relation[] = [];
  /** Relations each cell is in, by cell key. */
  readonly #byCell = new Map<string, number[]>();
  readonly #links: ReadonlyMap<number, LinkExpression>;

  constructor(
    private readonly state: SecrecyState,
    nestings: readonly { parent: string; children: readonly string[] }[],
    links: ReadonlyMap<number, LinkExpression>,
  ) {
    this.#links = links;
    const { tables } = state;
    const index = (key: string) => tables.seriesIndex.get(key);
    for (let q = 0; q < tables.questions.length; q++) {
      const question = tables.questions[q]!;
      const codes = codesOf(question);
      for (const nesting of nestings) {
        const total = index(nesting.parent);
        const parts = nesting.children.map(index).filter((s): s is number => s !== undefined);
        if (total === undefined) continue;
        for (const code of codes) this.#add({ question: q, code, total, parts });
      }
      if (question.kind === 'multiple') continue;
      for (let s = 0; s < tables.series.length; s++) this.#add({ question: q, code: '', parts: [s], codes });
    }
  }

  #add(relation: Relation): void {
    const position = this.#relations.length;
    this.#relations.push(relation);
    for (const member of membersOf(relation)) {
      const key = `${member.series}:${relation.question}:${member.code}`;
      const list = this.#byCell.get(key);
      if (list) list.push(position);
      else this.#byCell.set(key, [position]);
    }
  }

  /**
   * Hides partners until every relation gives every hidden cell the room its protection asks
   * for, and withholds follow-ups of hidden cells; repeats until nothing changes.
   */
  close(): void {
    const queue = new Set<number>(this.#relations.keys());
    const requeue = (s: number, q: number, code: string) => {
      for (const relation of this.#byCell.get(`${s}:${q}:${code}`) ?? []) queue.add(relation);
    };
    for (;;) {
      for (const position of queue) {
        queue.delete(position);
        for (const [s, code] of this.#balance(this.#relations[position]!)) requeue(s, this.#relations[position]!.question, code);
      }
      const masked = maskFollowUps(this.state, this.#links);
      for (const [s, q, code] of masked) requeue(s, q, code);
      if (queue.size === 0) return;
    }
  }

  /** Withholds a question in a series altogether, then closes again. */
  withhold(s: number, q: number): void {
    this.state.mask(s, q);
    hideQuestion(this.state, s, q, 'complement');
    this.close();
  }

  /** Hides one cell as a partner (the rules still give it the protection it needs on its own). */
  hide(s: number, q: number, code: string): boolean {
    return this.state.hide(s, q, code, protectionFor(this.state, s, q, code, 'complement'));
  }

  /** Makes one relation hold; returns the cells it hid. */
  #balance(relation: Relation): [number, string][] {
    const { state } = this;
    const q = relation.question;
    const members = membersOf(relation);
    const hiddenNow = () => members.filter((member) => !state.isKnown(member.series, q, member.code));
    const added: [number, string][] = [];
    for (let guard = members.length; guard > 0; guard--) {
      const hidden = hiddenNow();
      if (hidden.length === 0) return added;
      const lacking = this.#lack(relation, hidden);
      if (lacking === undefined) return added;
      const choice = this.#partner(relation, members, lacking);
      if (choice === undefined) return added;
      if (this.hide(choice.series, q, choice.code)) added.push([choice.series, choice.code]);
    }
    return added;
  }

  /**
   * The first hidden member whose protection its hidden partners cannot absorb, and in which
   * direction: the capacity it lacks, counted in respondents.
   */
  #lack(relation: Relation, hidden: readonly Member[]): Lack | undefined {
    const { state } = this;
    const q = relation.question;
    const room = (member: Member) => Math.max(0, state.upper(member.series, q) - state.value(member.series, q, member.code));
    const value = (member: Member) => state.value(member.series, q, member.code);
    for (const member of hidden) {
      const protection = state.protection(member.series, q, member.code);
      if (!protection) continue;
      let canRise = 0;
      let canFall = 0;
      for (const other of hidden) {
        if (other === member) continue;
        // Parts move against each other; a part and the total move together.
        const together = other.isTotal !== member.isTotal;
        canRise += together ? room(other) : value(other);
        canFall += together ? value(other) : room(other);
      }
      if (canRise < protection.above) return { member, direction: 'up', amount: protection.above - canRise };
      if (canFall < protection.below) return { member, direction: 'down', amount: protection.below - canFall };
      if (canRise + canFall < 1 && room(member) + value(member) > 0) {
        return { member, direction: value(member) > 0 ? 'down' : 'up', amount: 1 };
      }
    }
    return undefined;
  }

  /**
   * What hiding a cell costs readers, with what it forces further down (see `#cascade`): the
   * price of a partner chosen outside these relations, by the audit's reinforcement.
   */
  hidingCost(s: number, q: number, code: string): number {
    return cellCost(this.state, s, q, code) + this.#cascade(q, { series: s, code, isTotal: true });
  }

  /**
   * What hiding a total costs further down: a région hidden while all its départements show is
   * their sum, so one of them must be hidden too. Counting the cheapest of them steers a France
   * relation towards régions whose small départements are hidden already.
   */
  #cascade(q: number, member: Member, relation?: Relation): number {
    const { state } = this;
    let extra = 0;
    for (const position of this.#byCell.get(`${member.series}:${q}:${member.code}`) ?? []) {
      const other = this.#relations[position]!;
      if (other === relation || other.total !== member.series || other.codes) continue;
      if (other.parts.some((part) => !state.isKnown(part, q, member.code))) continue;
      let cheapest = Infinity;
      for (const part of other.parts) cheapest = Math.min(cheapest, cellCost(state, part, q, member.code));
      if (cheapest < Infinity) extra += cheapest;
    }
    return extra;
  }

  /**
   * What hiding a part costs further up: a région hidden while France and every other région show
   * is France minus them, so another of them must be hidden too — the cheapest able to move (a
   * région nobody answered in cannot), counting what it forces in turn (a région none of whose
   * départements hides anything yet needs one of them). Without this, a région looks cheaper
   * than it is.
   */
  #cascadeUp(relation: Relation, member: Member): number {
    const { state } = this;
    const q = relation.question;
    let extra = 0;
    for (const position of this.#byCell.get(`${member.series}:${q}:${member.code}`) ?? []) {
      const other = this.#relations[position]!;
      if (other === relation || other.codes || other.total === member.series || !other.parts.includes(member.series)) continue;
      const rest = membersOf(other).filter((candidate) => candidate.series !== member.series);
      if (rest.some((candidate) => !state.isKnown(candidate.series, q, candidate.code))) continue;
      let cheapest = Infinity;
      for (const candidate of rest) {
        if (state.upper(candidate.series, q) === 0) continue;
        cheapest = Math.min(cheapest, cellCost(state, candidate.series, q, candidate.code) + this.#cascade(q, candidate, other));
      }
      extra += cheapest;
    }
    return extra;
  }

  /** The cheapest shown member that supplies the capacity lacking; else the one supplying most. */
  #partner(relation: Relation, members: readonly Member[], lacking: Lack): Member | undefined {
    const { state } = this;
    const q = relation.question;
    let best: { member: Member; cost: number; supply: number } | undefined;
    for (const member of members) {
      if (state.isKnown(member.series, q, member.code) === false) continue;
      // As in #lack: a partner moving with the cell needs room, one moving against it a value.
      const value = state.value(member.series, q, member.code);
      const room = Math.max(0, state.upper(member.series, q) - value);
      const together = member.isTotal !== lacking.member.isTotal;
      const supply = (lacking.direction === 'up') !== together ? value : room;
      if (supply === 0) continue;
      const cost =
        cellCost(state, member.series, q, member.code) * (supply >= lacking.amount ? 1 : 1 + lacking.amount - supply) +
        this.#cascade(q, member, relation) +
        this.#cascadeUp(relation, member);
      if (!best || cost < best.cost) best = { member, cost, supply };
    }
    return best?.member;
  }
}
