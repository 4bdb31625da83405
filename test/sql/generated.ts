import type { SqlDialect } from '../../src/sql/index.ts';

// One table of generated contacts, made INSIDE each engine from generate_series / range by an
// integer formula, and the very same rows made in JavaScript by the same formula — so a million
// rows are checked without a million INSERTs. Each row is a contact: a survey answer (NPS, CSAT,
// CES, a weight), a ticket (created, first response, resolved, reopened, replies, contacts, the
// reported flag, the customer) and the customer's subscription (started, ended, plan), with a
// group column under a hostile name.
//
// The formula: hash(i, k) = (a² + salt_k) mod P with a = ((i + 1) · m_k) mod P, P = 2³¹ − 1, in
// BIGINT on the engines (a² < 2⁶²) and exactly in doubles here (mulMod keeps every partial product
// under 2⁵³). Fields of one hash are read with pairwise coprime moduli, so they are nearly
// independent (Chinese remainders) and no integer division (spelt differently by the engines) is
// needed. Timestamps are whole epoch milliseconds; a seventh of the contacts fall within 3 hours
// of a Berlin month start or DST change (ANCHORS), the others uniformly over 401 days.

export const P = 2_147_483_647;
const MULTIPLIERS = [48_271, 69_621, 16_807, 39_373, 40_692, 40_014, 53_668, 45_991, 27_132, 32_749, 52_774, 62_089];
const SALTS = [0, 104_729, 15_485_863, 32_452_843, 49_979_687, 67_867_967, 86_028_121, 104_395_301, 122_949_823];

/** (a · b) mod P for 0 ≤ a, b < P, exact in doubles (each partial product below 2⁵³). */
function mulMod(a: number, b: number): number {
  const hi = Math.floor(b / 65_536);
  const lo = b % 65_536;
  return (((a * hi) % P) * 65_536 + a * lo) % P;
}

/** The k-th hash of row i (0 ≤ i < 10⁹), as the engines compute it. */
export function hash(i: number, k: number): number {
  const a = ((i + 1) * (MULTIPLIERS[k] as number)) % P;
  return (mulMod(a, a) + (SALTS[k % SALTS.length] as number)) % P;
}

/** The same hash as SQL over a BIGINT column "i" (identical text on DuckDB and PostgreSQL). */
function hashSql(k: number): string {
  const a = `(("i" + 1) * ${MULTIPLIERS[k]} % ${P})`;
  return `((${a} * ${a} + ${SALTS[k % SALTS.length]}) % ${P})`;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The uniform times: 401 days from here. */
export const START = Date.parse('2025-12-01T00:00:00Z');
/** When the data was taken: after every creation (the last is START + 401 days + 3 h at most). */
export const AS_OF = Date.parse('2027-01-10T00:00:00Z');
/** Subscriptions start in the 701 days from here. */
export const SUBSCRIPTIONS_START = Date.parse('2025-01-01T00:00:00Z');

/** Europe/Berlin month starts (local midnight) and DST changes: the instants periods turn at. 23 of them (a prime). */
export const ANCHORS = [
  '2025-12-01T00:00:00+01:00',
  '2026-01-01T00:00:00+01:00',
  '2026-02-01T00:00:00+01:00',
  '2026-03-01T00:00:00+01:00',
  '2026-03-29T00:00:00+01:00', // the 23-hour day
  '2026-03-29T01:00:00Z', // 02:00 → 03:00
  '2026-03-30T00:00:00+02:00',
  '2026-04-01T00:00:00+02:00',
  '2026-05-01T00:00:00+02:00',
  '2026-06-01T00:00:00+02:00',
  '2026-07-01T00:00:00+02:00',
  '2026-08-01T00:00:00+02:00',
  '2026-09-01T00:00:00+02:00',
  '2026-10-01T00:00:00+02:00',
  '2026-10-25T00:00:00+02:00', // the 25-hour day
  '2026-10-25T01:00:00Z', // 03:00 → 02:00
  '2026-10-26T00:00:00+01:00',
  '2026-11-01T00:00:00+01:00',
  '2026-12-01T00:00:00+01:00',
  '2027-01-01T00:00:00+01:00',
  '2026-06-29T00:00:00+02:00', // a Monday (ISO week start) at a quarter's end
  '2026-12-28T00:00:00+01:00', // the Monday of 2026-W53
  '2026-01-05T00:00:00+01:00', // the Monday of 2026-W02
].map((s) => Date.parse(s));

export const GROUP = 'Région"; DROP TABLE t; -- /* ü */';
export const GROUPS = ['north', 'south', 'ëast', 'west "w" \'o\''] as const;
export const PLANS = ['basic', 'pro', 'team'] as const;

/** One generated contact, as the in-memory path reads it (times in epoch ms, null = absent). */
export interface Contact {
  i: number;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  /** A multiple of 1/16 from 0 to 3.875: exact in doubles, so its sums are exact in any order. */
  w: number;
  group: string | null;
  at: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  reopenedAt: number | null;
  agentReplies: number | null;
  customerContacts: number | null;
  firstContactResolved: boolean | null;
  customerId: string | null;
  startedAt: number;
  endedAt: number | null;
  plan: string | null;
}

/** Row i by the formula (what the engines' view holds at i). */
export function contact(i: number): Contact {
  const h = (k: number) => hash(i, k);
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8, h9, h10] = [
    h(0),
    h(1),
    h(2),
    h(3),
    h(4),
    h(5),
    h(6),
    h(7),
    h(8),
    h(9),
    h(10),
  ];
  const at =
    h3 % 7 === 0 ? (ANCHORS[h3 % 23] as number) + (h4 % (6 * HOUR)) - 3 * HOUR : START + (h3 % 401) * DAY + (h4 % DAY);
  const resolvedAt = h5 % 100 < 6 ? null : at + (h5 % 961) * 15 * 60_000;
  const g = h2 % 41;
  const p = h9 % 4;
  const startedAt = SUBSCRIPTIONS_START + (h9 % 701) * DAY + (h4 % DAY);
  return {
    i,
    nps: h0 % 100 < 8 ? null : h0 % 11,
    csat: h1 % 17 < 2 ? null : (h1 % 5) + 1,
    ces: h1 % 19 < 2 ? null : (h1 % 7) + 1,
    w: (h0 % 63) / 16,
    group: g === 40 ? null : (GROUPS[g % 4] as string),
    at,
    firstResponseAt: h6 % 13 === 0 ? null : at + (h6 % 577) * 5 * 60_000,
    resolvedAt,
    reopenedAt: resolvedAt !== null && h7 % 50 < 4 ? resolvedAt + (h7 % 479) * HOUR : null,
    agentReplies: h8 % 37 === 0 ? null : h8 % 5,
    customerContacts: h8 % 29 === 0 ? null : (h8 % 3) + 1,
    firstContactResolved: h8 % 31 === 0 ? null : h8 % 2 === 0,
    customerId: h7 % 43 === 0 ? null : `c${h10 % 50_021}`,
    startedAt,
    endedAt: h9 % 3 === 0 ? null : startedAt + (h10 % 409) * DAY + (h6 % DAY),
    plan: p === 3 ? null : (PLANS[p] as string),
  };
}

/** The first n rows by the formula. */
export function contacts(n: number): Contact[] {
  const out = new Array<Contact>(n);
  for (let i = 0; i < n; i++) out[i] = contact(i);
  return out;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const text = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The table's columns, in order, with their SQL types; times are TIMESTAMPTZ. */
export const CONTACT_COLUMNS = [
  ['i', 'BIGINT'],
  ['nps', 'INTEGER'],
  ['csat', 'INTEGER'],
  ['ces', 'INTEGER'],
  ['w', 'DOUBLE PRECISION'],
  [GROUP, 'TEXT'],
  ['at', 'TIMESTAMPTZ'],
  ['first_response_at', 'TIMESTAMPTZ'],
  ['resolved_at', 'TIMESTAMPTZ'],
  ['reopened_at', 'TIMESTAMPTZ'],
  ['agent_replies', 'INTEGER'],
  ['customer_contacts', 'INTEGER'],
  ['first_contact_resolved', 'BOOLEAN'],
  ['customer_id', 'TEXT'],
  ['started_at', 'TIMESTAMPTZ'],
  ['ended_at', 'TIMESTAMPTZ'],
  ['plan', 'TEXT'],
] as const;

/** The SELECT that generates rows 0 … n − 1 inside the engine, the columns of CONTACT_COLUMNS. */
export function contactsSql(dialect: SqlDialect, n: number): string {
  const series =
    dialect === 'duckdb'
      ? `SELECT CAST("range" AS BIGINT) AS "i" FROM range(0, ${n})`
      : `SELECT CAST(s AS BIGINT) AS "i" FROM generate_series(0, ${n - 1}) AS g(s)`;
  const hashes = Array.from({ length: 11 }, (_, k) => `${hashSql(k)} AS "h${k}"`);
  // Whole milliseconds after the epoch, exactly (DuckDB's INTERVAL * n takes a 32-bit n).
  const ts = (ms: string) =>
    `TIMESTAMPTZ '1970-01-01 00:00:00+00' + ${dialect === 'duckdb' ? `to_milliseconds(${ms})` : `(${ms}) * INTERVAL '1 millisecond'`}`;
  const anchor = `CASE "h3" % 23 ${ANCHORS.map((a, k) => `WHEN ${k} THEN ${a}`).join(' ')} END`;
  const at = `CASE WHEN "h3" % 7 = 0 THEN ${anchor} + "h4" % ${6 * HOUR} - ${3 * HOUR} ELSE ${START} + "h3" % 401 * ${DAY} + "h4" % ${DAY} END`;
  const resolved = `CASE WHEN "h5" % 100 < 6 THEN NULL ELSE "at_ms" + "h5" % 961 * ${15 * 60_000} END`;
  const started = `${SUBSCRIPTIONS_START} + "h9" % 701 * ${DAY} + "h4" % ${DAY}`;
  const pick = (values: readonly string[], k: string) =>
    `CASE ${k} ${values.map((v, j) => `WHEN ${j} THEN ${text(v)}`).join(' ')} ELSE NULL END`;
  const columns = [
    `"i"`,
    `CAST(CASE WHEN "h0" % 100 < 8 THEN NULL ELSE "h0" % 11 END AS INTEGER) AS "nps"`,
    `CAST(CASE WHEN "h1" % 17 < 2 THEN NULL ELSE "h1" % 5 + 1 END AS INTEGER) AS "csat"`,
    `CAST(CASE WHEN "h1" % 19 < 2 THEN NULL ELSE "h1" % 7 + 1 END AS INTEGER) AS "ces"`,
    `CAST("h0" % 63 AS DOUBLE PRECISION) / 16 AS "w"`,
    `CASE WHEN "h2" % 41 = 40 THEN NULL ELSE ${pick(GROUPS, '"h2" % 41 % 4')} END AS ${quote(GROUP)}`,
    `${ts('"at_ms"')} AS "at"`,
    `CASE WHEN "h6" % 13 = 0 THEN NULL ELSE ${ts(`"at_ms" + "h6" % 577 * ${5 * 60_000}`)} END AS "first_response_at"`,
    `${ts(resolved)} AS "resolved_at"`,
    `CASE WHEN "h5" % 100 >= 6 AND "h7" % 50 < 4 THEN ${ts(`${resolved} + "h7" % 479 * ${HOUR}`)} ELSE NULL END AS "reopened_at"`,
    `CAST(CASE WHEN "h8" % 37 = 0 THEN NULL ELSE "h8" % 5 END AS INTEGER) AS "agent_replies"`,
    `CAST(CASE WHEN "h8" % 29 = 0 THEN NULL ELSE "h8" % 3 + 1 END AS INTEGER) AS "customer_contacts"`,
    `CASE WHEN "h8" % 31 = 0 THEN NULL ELSE "h8" % 2 = 0 END AS "first_contact_resolved"`,
    `CASE WHEN "h7" % 43 = 0 THEN NULL ELSE 'c' || CAST("h10" % 50021 AS VARCHAR) END AS "customer_id"`,
    `${ts(started)} AS "started_at"`,
    `CASE WHEN "h9" % 3 = 0 THEN NULL ELSE ${ts(`${started} + "h10" % 409 * ${DAY} + "h6" % ${DAY}`)} END AS "ended_at"`,
    `${pick(PLANS, '"h9" % 4')} AS "plan"`,
  ];
  // OFFSET 0 keeps PostgreSQL from pulling the subqueries up into the outer SELECT: each hash and
  // the creation time are then computed once per row, not once per use.
  const hashed = `SELECT "i", ${hashes.join(', ')} FROM (${series}) AS "series" OFFSET 0`;
  const timed = `SELECT *, ${at} AS "at_ms" FROM (${hashed}) AS "hashed" OFFSET 0`;
  return `SELECT ${columns.join(', ')} FROM (${timed}) AS "timed"`;
}

/** Each column as an integer (epoch ms, w · 16, true = 1), or null; text columns by their own fingerprint. */
const NUMERIC: [string, (c: Contact) => number | null, (d: SqlDialect, col: string) => string][] = (() => {
  const int = (_d: SqlDialect, c: string) => c;
  const ms = (d: SqlDialect, c: string) =>
    // date_part is a double (µs exact at these magnitudes) and much faster than EXTRACT's numeric.
    d === 'duckdb' ? `epoch_ms(${c})` : `CAST(ROUND(date_part('epoch', ${c}) * 1000) AS BIGINT)`;
  return [
    ['i', (c) => c.i, int],
    ['nps', (c) => c.nps, int],
    ['csat', (c) => c.csat, int],
    ['ces', (c) => c.ces, int],
    ['w', (c) => c.w * 16, (_d, c) => `CAST(${c} * 16 AS BIGINT)`],
    ['at', (c) => c.at, ms],
    ['first_response_at', (c) => c.firstResponseAt, ms],
    ['resolved_at', (c) => c.resolvedAt, ms],
    ['reopened_at', (c) => c.reopenedAt, ms],
    ['agent_replies', (c) => c.agentReplies, int],
    ['customer_contacts', (c) => c.customerContacts, int],
    [
      'first_contact_resolved',
      (c) => (c.firstContactResolved === null ? null : c.firstContactResolved ? 1 : 0),
      (_d, c) => `CASE WHEN ${c} THEN 1 WHEN NOT ${c} THEN 0 END`,
    ],
    [
      'customer_id',
      (c) => (c.customerId === null ? null : Number(c.customerId.slice(1))),
      (_d, c) => `CAST(substring(${c}, 2) AS BIGINT)`,
    ],
    ['started_at', (c) => c.startedAt, ms],
    ['ended_at', (c) => c.endedAt, ms],
  ];
})();

/**
 * A fingerprint of the whole table, one SELECT: per column the non-null count and the sum of the
 * values weighted by (i mod 1009) + 1 (a row changed, moved or swapped changes it); per text value
 * its count and Σi.
 */
export function fingerprintSql(dialect: SqlDialect, table: string): string {
  const parts = NUMERIC.flatMap(([name, , sql]) => {
    const x = sql(dialect, quote(name));
    return [`COUNT(${x}) AS "${name}_n"`, `SUM(${x} * ("i" % 1009 + 1)) AS "${name}_weighted"`];
  });
  const texts = [
    [GROUP, GROUPS],
    ['plan', PLANS],
  ] as const;
  for (const [name, values] of texts) {
    for (const [j, v] of [...values, null].entries()) {
      const match = v === null ? `${quote(name)} IS NULL` : `${quote(name)} = ${text(v)}`;
      parts.push(`SUM(CASE WHEN ${match} THEN 1 ELSE 0 END) AS "${name === GROUP ? 'group' : name}_${j}_n"`);
      parts.push(`SUM(CASE WHEN ${match} THEN "i" ELSE 0 END) AS "${name === GROUP ? 'group' : name}_${j}_sum"`);
    }
  }
  return `SELECT ${parts.join(', ')} FROM ${table}`;
}

/** The fingerprint of rows by the formula, as fingerprintSql's row (every value a bigint). */
export function fingerprint(rows: readonly Contact[]): Record<string, bigint> {
  const out: Record<string, bigint> = {};
  for (const [name, get] of NUMERIC) {
    let n = 0n;
    let weighted = 0n;
    for (const c of rows) {
      const x = get(c);
      if (x === null) continue;
      n++;
      weighted += BigInt(x) * BigInt((c.i % 1009) + 1);
    }
    Object.assign(out, { [`${name}_n`]: n, [`${name}_weighted`]: weighted });
  }
  const texts = [
    ['group', GROUPS, (c: Contact) => c.group],
    ['plan', PLANS, (c: Contact) => c.plan],
  ] as const;
  for (const [name, values, get] of texts) {
    for (const [j, v] of [...values, null].entries()) {
      let n = 0n;
      let sum = 0n;
      for (const c of rows) {
        if (get(c) !== v) continue;
        n++;
        sum += BigInt(c.i);
      }
      Object.assign(out, { [`${name}_${j}_n`]: n, [`${name}_${j}_sum`]: sum });
    }
  }
  return out;
}
