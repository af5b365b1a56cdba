import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import * as z from 'zod';
import { passesLuhn } from '../../core/siret.js';
import { LEGAL_CATEGORY } from './legal-category.js';

/**
 * The operator's list of groupings, `BAROMETRE_GROUPEMENTS`: the absolute path of a CSV file
 * (UTF-8, comma or semicolon separated, quotes as in RFC 4180) whose header names at least
 *
 * ```
 * siren;nom;nature_juridique;commune
 * 253514491;SIVU DU CENTRE DE SECOURS;7353;35238
 * 200061002;SYNDICAT MIXTE MEGALIS BRETAGNE;7355;35281
 * ```
 *
 * - `siren`: the unit's SIREN (9 digits, check digit included);
 * - `nom`: its name, as respondents will see it;
 * - `nature_juridique`: its INSEE legal category (4 digits). SIVU, SIVOM, syndicats mixtes and
 *   PETR (7353, 7345, 7354, 7355, 7357) may answer; other local bodies listed (a CCAS, 7361) are
 *   refused with the reason, rather than said unknown;
 * - `commune`: the INSEE code of the commune of its seat, which places it in a département and a
 *   région (an arrondissement of Paris, Lyon or Marseille counts as its city).
 *
 * Other columns are ignored, so an extract of the Sirene register can be used once its columns
 * are named so. The file is read and checked at start: a problem stops the server with one line.
 */

/** One unit of the file. */
export interface GroupementRow {
  siren: string;
  name: string;
  legalCategory: string;
  /** INSEE code of the seat's commune. */
  commune: string;
  /** Its line in the file, for messages. */
  line: number;
}

/** The file, read and checked (its communes are checked against the referential later, see `offline-resolver.ts`). */
export interface GroupementsFile {
  path: string;
  rows: readonly GroupementRow[];
}

const REQUIRED_COLUMNS = ['siren', 'nom', 'nature_juridique', 'commune'] as const;

const Row = z.object({
  siren: z
    .string()
    .regex(/^\d{9}$/, 'siren must have 9 digits')
    .refine(passesLuhn, 'siren fails its check digit'),
  nom: z.string().min(1, 'nom is empty').max(200, 'nom is longer than 200 characters'),
  nature_juridique: z.string().regex(LEGAL_CATEGORY, 'nature_juridique must be an INSEE legal category of 4 digits, such as 7353'),
  commune: z.string().regex(/^(?:\d{5}|2[AB]\d{3})$/, 'commune must be the INSEE code of the seat’s commune, such as 35238'),
});

/** Splits CSV text into records of fields: quotes may hold separators, line breaks and doubled quotes. */
export function parseCsv(text: string, separator: string): { fields: string[]; line: number }[] | string {
  const records: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field === '') quoted = true;
    else if (char === separator) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ fields, line: recordLine });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += char;
  }
  if (quoted) return `line ${recordLine}: a quoted field is never closed`;
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ fields, line: recordLine });
  }
  return records.filter((record) => record.fields.some((value) => value.trim() !== ''));
}

/** Reads the rows of a groupings file's text, or the first problem as one sentence. */
export function parseGroupements(text: string): GroupementRow[] | string {
  const body = text.replace(/^\uFEFF/, '');
  const header = body.slice(0, body.search(/\r?\n|$/));
  const separator = header.includes(';') ? ';' : ',';
  const records = parseCsv(body, separator);
  if (typeof records === 'string') return records;
  const [head, ...data] = records;
  if (head === undefined) return `the file is empty: its first line must name the columns ${REQUIRED_COLUMNS.join(separator)}`;
  const names = head.fields.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((name) => !names.includes(name));
  if (missing.length > 0) return `line 1 must name the columns ${REQUIRED_COLUMNS.join(separator)} (missing: ${missing.join(', ')})`;
  const rows: GroupementRow[] = [];
  const seen = new Map<string, number>();
  for (const record of data) {
    const values = Object.fromEntries(REQUIRED_COLUMNS.map((name) => [name, (record.fields[names.indexOf(name)] ?? '').trim()]));
    const parsed = Row.safeParse(values);
    if (!parsed.success) return `line ${record.line}: ${parsed.error.issues[0]?.message ?? 'invalid row'}`;
    const { siren, nom, nature_juridique: legalCategory, commune } = parsed.data;
    const earlier = seen.get(siren);
    if (earlier !== undefined) return `line ${record.line}: siren ${siren} is already on line ${earlier}`;
    seen.set(siren, record.line);
    rows.push({ siren, name: nom, legalCategory, commune, line: record.line });
  }
  return rows;
}

/** Reads and checks the file named by `BAROMETRE_GROUPEMENTS`, or says what is wrong in one sentence. */
export function readGroupementsFile(path: string): GroupementsFile | string {
  if (!isAbsolute(path)) return `"${path}" must be an absolute file path`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  const rows = parseGroupements(text);
  if (typeof rows === 'string') return `${path}, ${rows}`;
  return { path, rows };
}
