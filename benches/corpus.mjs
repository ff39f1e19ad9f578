// Where the benchmarks find the full corpora: $DECLUTTER_CORPUS, else ../shared/corpus beside
// the checkout. The tests use the sample in tests/corpus instead; the benchmarks need all pages.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export function fullCorpus() {
  const dir = process.env.DECLUTTER_CORPUS || fileURLToPath(new URL('../../shared/corpus', import.meta.url));
  if (!existsSync(join(dir, 'readability-test-pages'))) {
    throw new Error(`the full corpora are not at ${dir}: set DECLUTTER_CORPUS to their folder or put them at ` +
      '../shared/corpus beside the checkout (tests/corpus holds only the tests\' sample, see its README)');
  }
  return dir;
}
