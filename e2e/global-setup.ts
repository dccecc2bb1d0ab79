import { buildWebIfStale } from '../scripts/build-web.ts';
import { hasChromium, CHROMIUM } from './support/chromium.ts';

/** Browser tier: the console must be built; Chromium must exist (required in CI). */
export default function setup(): void {
  if (!hasChromium()) {
    if (process.env.LACHAN_E2E_REQUIRED === '1' || process.env.CI === 'true') throw new Error(`browser tests need Chromium at ${CHROMIUM} (apt-get install chromium)`);
    console.warn(`\n  Chromium not found at ${CHROMIUM}: browser tests are skipped (apt-get install chromium to run them)\n`);
    return;
  }
  buildWebIfStale();
}
