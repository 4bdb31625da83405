import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property tests are seeded (see test/helpers/fc.ts); nothing here depends on timing.
    testTimeout: 30_000,
  },
});
