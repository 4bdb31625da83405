import { CxMetricsError } from '../errors.ts';
import type { RandomOptions } from '../types.ts';
import { describe } from './validate.ts';

/**
 * A seeded pseudo-random generator: sfc32 (Chris Doty-Humphrey's Small Fast Counter, from
 * PractRand), seeded through splitmix32 so that nearby seeds give unrelated streams.
 *
 * Returns numbers in [0, 1) with 32 bits of randomness. Passes PractRand to 2⁴⁰ bytes; period at
 * least 2³². Every function in cx-metrics that draws random numbers takes `seed` or `rng`
 * instead of a hidden global random source, so results are reproducible.
 *
 * Reference: C. Doty-Humphrey (2011), PractRand (sfc32); Steele, Lea & Flood (2014), SplitMix,
 * doi:10.1145/2714064.2660195.
 *
 * @param seed - any finite number (fractional parts are hashed in too)
 * @returns a function returning the next number in [0, 1)
 * @throws CxMetricsError INVALID_OPTION when seed is not a finite number
 * @example
 * const next = seededRandom(42)
 * next() === seededRandom(42)() // => true
 */
export function seededRandom(seed: number): () => number {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new CxMetricsError('INVALID_OPTION', `seededRandom: seed is ${describe(seed)}; expected a finite number`, {
      value: seed,
    });
  }
  // Fold the full double (including any fraction) into 32 bits.
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, seed);
  let s = (view.getUint32(0) ^ Math.imul(view.getUint32(4), 0x9e3779b1)) >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Discard the first outputs, as sfc32's author recommends.
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** Resolve `rng` / `seed` options to a generator; `fn` names the caller in errors. @internal */
export function resolveRng(fn: string, options: RandomOptions, defaultSeed = 1): () => number {
  if (options.rng !== undefined) {
    if (typeof options.rng !== 'function') {
      throw new CxMetricsError('INVALID_OPTION', `${fn}: rng must be a function returning numbers in [0, 1)`, {
        value: options.rng,
      });
    }
    const rng = options.rng;
    return () => {
      const u = rng();
      if (!(u >= 0 && u < 1)) {
        throw new CxMetricsError('INVALID_OPTION', `${fn}: rng returned ${describe(u)}; expected a number in [0, 1)`, {
          value: u,
        });
      }
      return u;
    };
  }
  if (options.seed !== undefined && (typeof options.seed !== 'number' || !Number.isFinite(options.seed))) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: seed is ${describe(options.seed)}; expected a finite number`, {
      value: options.seed,
    });
  }
  return seededRandom(options.seed ?? defaultSeed);
}
