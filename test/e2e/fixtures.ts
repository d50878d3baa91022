/** End-to-end specs import their fixtures from here; the two targets behind them are in targets.ts. */
export { browserOnly, expect, screenshotDir, signIn, test, type Desk, type Service } from './targets.ts';
