// Runs Readability.js (jsdom 27 + @mozilla/readability 0.6.0, pinned in package.json) over a list
// of pages and writes, per page, the article's textContent and its metadata, so that run.py can
// score it exactly like declutter. Input: a JSON file [{id, path, url, out}] given as argv[2].
import fs from "node:fs";
import zlib from "node:zlib";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const jobs = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const quiet = new VirtualConsole();
for (const job of jobs) {
  let bytes = fs.readFileSync(job.path);
  if (job.path.endsWith(".gz")) bytes = zlib.gunzipSync(bytes);
  const started = performance.now();
  let article = null;
  let dom = null;
  try {
    dom = new JSDOM(bytes.toString("utf8"), { url: job.url, virtualConsole: quiet });
    article = new Readability(dom.window.document).parse();
  } catch (e) {
    article = null;
  }
  // Each window holds its whole document; without close() 800 pages exhaust node's heap.
  dom?.window.close();
  const ms = performance.now() - started;
  fs.writeFileSync(`${job.out}/${job.id}.txt`, article ? article.textContent : "");
  const meta = article
    ? {
        title: article.title, byline: article.byline, siteName: article.siteName,
        publishedTime: article.publishedTime, excerpt: article.excerpt, lang: article.lang,
        dir: article.dir,
      }
    : null;
  fs.writeFileSync(`${job.out}/${job.id}.meta.json`, JSON.stringify({ meta, ms }));
}
