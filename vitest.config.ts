import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // expect.poll waits on what a page or server must show; its own default (1 s) is a fixed time that a
    // loaded machine outlasts (a browser's first search loads Pagefind's WebAssembly). A failing wait still fails, after 10 s.
    expect: { poll: { timeout: 10_000 } },
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', ['json', { outputFile: 'test/artifacts/vitest-results.json' }]],
  },
});
