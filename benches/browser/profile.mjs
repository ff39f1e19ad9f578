#!/usr/bin/env node
// Where one declutter run spends its time in Chromium: a CDP sampling profile of the cold (first)
// and a warm run on given corpus pages, summed by self time per function (wasm functions by
// name, page-side JS by file:function).
//
//   node benches/browser/profile.mjs /rtp/ars-1/ [/zyte/<hash>.html ...]
import { chromium } from 'playwright-core';
import { loadHarness, serve } from './server.mjs';

// Sampling interval (us): a cold run of a mid-size page lasts ~10 ms, so ~200 samples.
const INTERVAL_US = 50;

function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const file = f.url.split('/').pop() || '(native)';
    const key = `${file}:${f.functionName || '(anonymous)'}`;
    total.set(key, (total.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return [...total].sort((a, b) => b[1] - a[1]);
}

const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const path of process.argv.slice(2)) {
  await page.goto(origin + path, { waitUntil: 'load' });
  await loadHarness(page, origin);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
  for (const run of ['cold', 'warm']) {
    if (run === 'warm') await page.evaluate(() => declutterBench.warm('declutter', 5, 1));
    await cdp.send('Profiler.start');
    const ms = await page.evaluate(() => declutterBench.once('declutter').ms);
    const { profile } = await cdp.send('Profiler.stop');
    console.log(`\n${path} ${run}: ${ms.toFixed(2)} ms`);
    for (const [k, v] of selfTimes(profile).slice(0, 14)) console.log(`  ${v.toFixed(2).padStart(7)} ms  ${k}`);
  }
  await cdp.detach();
}
await browser.close();
server.close();
