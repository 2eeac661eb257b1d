import { cases } from './cases.js';
import { hostileSuite, isSlow } from './hostile-suite.js';

/** The hostile cases that take seconds each: large inputs and the render budget (not in test:fast). */
hostileSuite('hostile content: large inputs and the render budget', cases.filter(isSlow));
