import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The fast tier for the edit loop (`npm run test:fast`): every test except those that need a real
 * browser (test/browser/) or real servers (test/servers/), the build-killing loops of
 * test/hardening/atomic.test.ts (whose logic test/unit/output-writer.test.ts covers in milliseconds),
 * and the ones that take their time by design: large inputs and the render budget
 * (hostile-slow), packing and installing the package (editors/package), importing 10,000 items
 * (import/scale). `npm test`, which CI runs, still runs everything.
 */
export const SLOW_TESTS = [
  'test/browser/**',
  'test/servers/**',
  'test/hardening/atomic.test.ts',
  'test/hardening/hostile-slow.test.ts',
  'test/editors/package.test.ts',
  'test/import/scale.test.ts',
];

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    exclude: [...configDefaults.exclude, ...SLOW_TESTS],
    // One test file per core: vitest keeps a core free for itself by default, which on two cores
    // halves the speed of a tier whose files spend most of their time waiting on child builds.
    poolOptions: { forks: { maxForks: availableParallelism(), minForks: 1 } },
    reporters: ['default'],
  },
});
