import fc from 'fast-check';

/**
 * Every property run is seeded so CI is reproducible; a failure prints the seed and path, and a
 * shrunk counterexample should become a plain example test.
 */
fc.configureGlobal({ seed: 20261123, numRuns: 200 });

export { fc };
