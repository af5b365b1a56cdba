import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import * as z from 'zod';
import { isValidSiren } from '../../core/siret.js';
import { parseTerritoryId, type TerritoryId } from '../../core/territory/territory-id.js';
import { PORTAL_NAME } from '../attestation/portal-keys.js';

/**
 * Who the members of an OPSN portal are, for its member list: `BAROMETRE_PORTAL_MEMBERS`,
 * comma-separated `name=/absolute/path.json` pairs, the name being one of `BAROMETRE_PORTAL_KEYS`:
 *
 * ```
 * BAROMETRE_PORTAL_MEMBERS=megalis-bretagne=/etc/barometre/megalis-members.json
 * ```
 *
 * The file lists SIRENs, territories whose collectivités are all members, or both:
 *
 * ```json
 * { "sirens": ["200067197", "212900708"], "territoires": ["departement:29", "epci:242900314"] }
 * ```
 *
 * A territory stands for every collectivité the referential places in it, its own included (a
 * département: its communes, the EPCI seated there and its council). SIRENs the referential does
 * not know (a syndicat) are listed too, unnamed. The operator keeps the file: membership is what
 * the OPSN and the operator agreed, not something a token can claim.
 */

/** At most this many SIRENs in a file: more than France has collectivités is a mistake. */
const MAX_SIRENS = 50_000;

/** The file's contents. */
export const MemberFile = z
  .strictObject({
    sirens: z
      .array(z.string().refine((value) => /^\d{9}$/.test(value) && isValidSiren(value), { message: 'not a valid SIREN (9 digits)' }))
      .max(MAX_SIRENS)
      .default([]),
    territoires: z
      .array(
        z
          .string()
          .refine((value) => {
            const parsed = parseTerritoryId(value);
            return parsed !== null && parsed.kind !== 'france';
          }, { message: 'not a territory id such as departement:29 or epci:242900314 (France is not a membership)' })
          .transform((value) => value as TerritoryId),
      )
      .max(1000)
      .default([]),
  })
  .refine((file) => file.sirens.length + file.territoires.length > 0, { message: 'the file lists no SIREN and no territory' });
export type MemberFile = z.infer<typeof MemberFile>;

/** One portal's membership, as configured. */
export interface PortalMembers {
  portal: string;
  sirens: readonly string[];
  territoires: readonly TerritoryId[];
}

function readMemberFile(name: string, location: string): PortalMembers | string {
  if (!isAbsolute(location)) return `portal ${name}: "${location}" is not an absolute file path`;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(location, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === undefined ? `portal ${name}: ${location} is not JSON` : `portal ${name}: ${location} cannot be read (${code})`;
  }
  const parsed = MemberFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return `portal ${name}: ${location} is not a member list${where}: ${issue?.message ?? ''}`;
  }
  return { portal: name, sirens: [...new Set(parsed.data.sirens)], territoires: [...new Set(parsed.data.territoires)] };
}

/** Reads `BAROMETRE_PORTAL_MEMBERS`; each problem is one issue naming the portal. */
export const PortalMembersVariable = z
  .string()
  .default('')
  .transform((value, ctx): PortalMembers[] => {
    const lists: PortalMembers[] = [];
    for (const entry of value.split(',').map((item) => item.trim()).filter((item) => item !== '')) {
      const equals = entry.indexOf('=');
      const name = equals < 0 ? '' : entry.slice(0, equals).trim();
      const location = equals < 0 ? '' : entry.slice(equals + 1).trim();
      let result: PortalMembers | string;
      if (equals < 0 || location === '') result = `"${entry.slice(0, 80)}" must be name=/absolute/path.json`;
      else if (!PORTAL_NAME.test(name)) result = `"${name.slice(0, 80)}" is not a portal name`;
      else if (lists.some((list) => list.portal === name)) result = `portal ${name} is named twice`;
      else result = readMemberFile(name, location);
      if (typeof result === 'string') ctx.addIssue({ code: 'custom', message: result });
      else lists.push(result);
    }
    return lists;
  });
