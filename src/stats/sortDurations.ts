// Sorting durations (finite doubles ≥ 0, −0 already made 0) for the survival table: the one
// O(n log n) step of Kaplan–Meier. For such numbers the IEEE 754 bit pattern, read as an unsigned
// 64-bit integer, orders exactly as the numbers do (Float64Array#sort's order), so a least-
// significant-digit radix sort on the two 32-bit halves sorts them in O(n): 6 passes of 11 bits
// (McIlroy, Bostic & McIlroy 1993, "Engineering radix sort", Computing Systems 6(1)), each pass
// skipped when every value has the same digit there (the low bits of whole milliseconds, the
// high bits of a narrow range). Stable, and the result equals Float64Array#sort's element for
// element (NaN and Infinity last; given a negative number or −0, it falls back to it). Below a
// few hundred values, or on a big-endian machine, it is Float64Array#sort.

const SMALL = 256;
const BITS = 11;
const BUCKETS = 1 << BITS;
const MASK = BUCKETS - 1;
const PASSES = 6; // 6 × 11 = 66 ≥ 64 bits

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The digit of pass `pass` (0 = lowest 11 bits) of the 64-bit pattern held as (lo, hi). */
function digit(lo: number, hi: number, pass: number): number {
  switch (pass) {
    case 0:
      return lo & MASK;
    case 1:
      return (lo >>> 11) & MASK;
    case 2:
      return ((lo >>> 22) | (hi << 10)) & MASK; // 10 bits of lo, 1 of hi
    case 3:
      return (hi >>> 1) & MASK;
    case 4:
      return (hi >>> 12) & MASK;
    default:
      return hi >>> 23; // 9 bits
  }
}

/**
 * Sort `values` ascending in place and return it: the same order as `values.sort()`, in O(n)
 * time and one scratch array of n doubles when all are ≥ 0 (no −0), by `values.sort()` otherwise.
 * @internal
 */
export function sortDurations(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < SMALL || !LITTLE_ENDIAN) return values.sort();
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  // All six histograms in one read of the data.
  const counts = new Uint32Array(PASSES * BUCKETS);
  let signs = 0;
  for (let i = 0; i < n; i++) {
    const lo = words[2 * i] as number;
    const hi = words[2 * i + 1] as number;
    signs |= hi;
    bump(counts, lo & MASK);
    bump(counts, BUCKETS + ((lo >>> 11) & MASK));
    bump(counts, 2 * BUCKETS + (((lo >>> 22) | (hi << 10)) & MASK));
    bump(counts, 3 * BUCKETS + ((hi >>> 1) & MASK));
    bump(counts, 4 * BUCKETS + ((hi >>> 12) & MASK));
    bump(counts, 5 * BUCKETS + (hi >>> 23));
  }
  // A negative number or −0 would sort after the positives by its bits: not durations, but
  // Float64Array#sort's answer all the same. (NaN and Infinity sort last either way.)
  if (signs < 0) return values.sort();
  let source = values;
  let sourceWords = words;
  let target: Float64Array | undefined;
  let targetWords: Uint32Array | undefined;
  const offsets = new Uint32Array(BUCKETS);
  for (let pass = 0; pass < PASSES; pass++) {
    const base = pass * BUCKETS;
    // A digit shared by every value leaves the order as it is.
    if (counts[base + digit(sourceWords[0] as number, sourceWords[1] as number, pass)] === n) continue;
    if (target === undefined || targetWords === undefined) {
      target = new Float64Array(n);
      targetWords = new Uint32Array(target.buffer);
    }
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      offsets[b] = sum;
      sum += counts[base + b] as number;
    }
    scatter(source, sourceWords, target, offsets, pass, n);
    [source, target] = [target, source];
    [sourceWords, targetWords] = [targetWords, sourceWords];
  }
  if (source !== values) values.set(source);
  return values;
}

function bump(counts: Uint32Array, k: number): void {
  counts[k] = (counts[k] as number) + 1;
}

/** One stable counting-sort pass on digit `pass`, from `source` into `target`. */
function scatter(
  source: Float64Array,
  words: Uint32Array,
  target: Float64Array,
  offsets: Uint32Array,
  pass: number,
  n: number,
): void {
  for (let i = 0; i < n; i++) {
    const d = digit(words[2 * i] as number, words[2 * i + 1] as number, pass);
    const at = offsets[d] as number;
    offsets[d] = at + 1;
    target[at] = source[i] as number;
  }
}
