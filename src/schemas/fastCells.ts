// The parsers' fast path, cell by cell: each reader takes a cell as the row holds it and gives
// exactly what the zod field of the same name in cells.ts gives for it when it passes, or UNSURE
// when it might not pass (the row then goes to zod, which reports it in its own words). A reader
// never returns UNSURE for a cell zod would accept only if it is sure, and never accepts a cell
// zod would reject: test/schemas/fastPath.prop.test.ts checks the two paths agree on valid and
// faulty rows. Internal to 'cx-metrics/schemas' (not re-exported).
import { isDecimal } from './cells.ts';

/** Not decided on the fast path: let zod parse the row. @internal */
export const UNSURE: unique symbol = Symbol('unsure');
/** What a fast cell reader gives: the field's parsed value, or UNSURE. @internal */
export type Fast<T> = T | typeof UNSURE;

/**
 * True for a string that is empty or only whitespace (`isBlank`), without trimming when its first
 * character is a printable ASCII non-space (then it is not blank).
 */
function blankText(text: string): boolean {
  const first = text.charCodeAt(0);
  return !(first > 32 && first < 127) && text.trim() === '';
}

/**
 * `optionalText`: null, undefined and blank text are missing (`undefined`); text is kept as
 * written; a finite number becomes its string (`cellToText`); anything else is not text.
 */
export function fastText(value: unknown): Fast<string | undefined> {
  if (typeof value === 'string') return blankText(value) ? undefined : value;
  if (value === undefined || value === null) return undefined;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : UNSURE;
}

/** `requiredText`: non-blank text as written, or a finite number as its string. */
export function fastRequiredText(value: unknown): Fast<string> {
  if (typeof value === 'string') return blankText(value) ? UNSURE : value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : UNSURE;
}

/**
 * A numeric cell as `cellToNumber` reads it, after the blank check of `optionalCell`: missing
 * (`undefined`) for null, undefined and blank text; a decimal string's number or a number (−0 as
 * 0); UNSURE for anything else, which zod rejects. Range checks are the caller's.
 */
function numberCell(value: unknown): Fast<number | undefined> {
  if (typeof value === 'number') return value === 0 ? 0 : value;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return undefined;
    if (!isDecimal(text)) return UNSURE;
    const n = Number(text);
    return n === 0 ? 0 : n;
  }
  return value === undefined || value === null ? undefined : UNSURE;
}

/**
 * A score on `min`…`max` (`scoreSchema`): an integer in range (zod's `int()` is a safe integer;
 * a finite number, never NaN or ±Infinity), or missing.
 */
export function fastScore(min: number, max: number): (value: unknown) => Fast<number | undefined> {
  return (value) => {
    const n = numberCell(value);
    if (n === undefined || n === UNSURE) return n;
    return Number.isSafeInteger(n) && n >= min && n <= max ? n : UNSURE;
  };
}

/** `optionalCount`: a safe integer ≥ 0, or missing. */
export function fastCount(value: unknown): Fast<number | undefined> {
  const n = numberCell(value);
  if (n === undefined || n === UNSURE) return n;
  return Number.isSafeInteger(n) && n >= 0 ? n : UNSURE;
}

/** `optionalNonNegative`: a finite number ≥ 0, or missing. */
export function fastNonNegative(value: unknown): Fast<number | undefined> {
  const n = numberCell(value);
  if (n === undefined || n === UNSURE) return n;
  return Number.isFinite(n) && n >= 0 ? n : UNSURE;
}

const TRUE_WORDS: ReadonlySet<string> = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['false', 'no', 'n', '0']);

/** `optionalFlag`: a boolean, 1/0, or a yes/no word (`cellToBoolean`), or missing. */
export function fastFlag(value: unknown): Fast<boolean | undefined> {
  if (typeof value === 'boolean') return value;
  if (value === 1) return true;
  if (value === 0) return false;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (word === '') return undefined;
    return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : UNSURE;
  }
  return value === undefined || value === null ? undefined : UNSURE;
}

/**
 * A journey stage (`journeyStageSchema`): matched on its trimmed, lowercased text in `canonical`
 * (lowercased name → the stage as configured), or missing.
 */
export function fastStage(canonical: ReadonlyMap<string, string>): (value: unknown) => Fast<string | undefined> {
  const seen = new Memo<string>();
  return (value) => {
    if (typeof value === 'string') {
      const known = seen.get(value);
      if (known !== undefined) return known;
      if (blankText(value)) return undefined;
      const stage = canonical.get(value.trim().toLowerCase());
      if (stage === undefined) return UNSURE;
      seen.set(value, stage);
      return stage;
    }
    return value === undefined || value === null ? undefined : UNSURE;
  };
}

/**
 * Results of a pure reading of short cells, which an export repeats on row after row (a stage,
 * a tag list): at most `MEMO_ENTRIES` cells of at most `MEMO_LENGTH` characters, so what it keeps
 * stays small whatever the rows hold. Full, it keeps what it has and adds nothing.
 */
class Memo<T> {
  private readonly map = new Map<string, T>();
  get(text: string): T | undefined {
    return text.length <= MEMO_LENGTH ? this.map.get(text) : undefined;
  }
  set(text: string, value: T): void {
    if (text.length <= MEMO_LENGTH && this.map.size < MEMO_ENTRIES) this.map.set(text, value);
  }
}
const MEMO_ENTRIES = 1000;
const MEMO_LENGTH = 100;

/**
 * Segment tags (`splitTags`, then a list of strings): a string or a list whose every entry is text
 * or a finite number, split on ';', trimmed, blanks and repeats dropped; none at all is missing.
 */
export function fastTags(value: unknown): Fast<string[] | undefined> {
  if (typeof value === 'string') {
    // Each row gets its own list, as from zod; the splitting is done once per distinct cell.
    const known = tagLists.get(value);
    if (known !== undefined) return known.slice();
    if (blankText(value)) return undefined;
    const tags: string[] = [];
    addTags(tags, value);
    if (tags.length === 0) return undefined;
    tagLists.set(value, tags.slice());
    return tags;
  }
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) return UNSURE;
  const tags: string[] = [];
  // An index loop reads a hole as undefined, which is not a tag (zod's for…of does the same).
  for (let i = 0; i < value.length; i++) {
    const part: unknown = value[i];
    if (typeof part === 'string') addTags(tags, part);
    else if (typeof part === 'number' && Number.isFinite(part)) addTags(tags, String(part));
    else return UNSURE;
  }
  return tags.length === 0 ? undefined : tags;
}

const tagLists = new Memo<readonly string[]>();

function addTags(tags: string[], text: string): void {
  if (text.indexOf(';') < 0) {
    const tag = text.trim();
    if (tag !== '' && !tags.includes(tag)) tags.push(tag);
    return;
  }
  for (const piece of text.split(';')) {
    const tag = piece.trim();
    if (tag !== '' && !tags.includes(tag)) tags.push(tag);
  }
}
