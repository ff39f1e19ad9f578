// The end-to-end suite in Chromium (see suite.mjs), with the built dist/chrome extension.
import { fileURLToPath } from 'node:url';
import { launch } from './chromium-driver.mjs';
import { defineSuite } from './suite.mjs';

defineSuite('chromium', () => launch(fileURLToPath(new URL('../../dist/chrome', import.meta.url))));
