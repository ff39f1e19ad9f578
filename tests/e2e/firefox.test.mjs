// The end-to-end suite in Firefox ESR (see suite.mjs), with the built dist/firefox extension.
import { fileURLToPath } from 'node:url';
import { launch } from './firefox-driver.mjs';
import { defineSuite } from './suite.mjs';

defineSuite('firefox', () => launch(fileURLToPath(new URL('../../dist/firefox', import.meta.url))));
