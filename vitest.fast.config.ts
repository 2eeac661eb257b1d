import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The fast tier for the edit loop (`npm run test:fast`): every test except those that need a real
 * browser (test/browser/) or real servers (test/servers/) and the build-killing loops of test/hardening/atomic.test.ts (whose logic
 * test/unit/output-writer.test.ts covers in milliseconds). `npm test` still runs everything.
 */
export const SLOW_TESTS = ['test/browser/**', 'test/servers/**', 'test/hardening/atomic.test.ts'];

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    exclude: [...configDefaults.exclude, ...SLOW_TESTS],
    reporters: ['default'],
  },
});
