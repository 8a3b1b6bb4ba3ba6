// The benchmark (not part of the test command): figures on page weight, time to interactive,
// timing fidelity, scale and leaks, one line each, against the release build in dist/.
import { execFileSync } from 'node:child_process';

/** gzip -9, the compressor the test command reports dist/ sizes with. */
const gzipSize = (bytes) => execFileSync('gzip', ['-9c'], { input: bytes, maxBuffer: 1 << 26 }).length;
import { serve, launch } from '../e2e/helpers.mjs';
import { chromium } from 'playwright-core';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
// BENCH_ONLY=weight,tti,fidelity,scale,leaks runs only those figures.
const want = (name) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(name);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]; };
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;
import { writeSync } from 'node:fs';
const out = (line) => writeSync(1, `${line}\n`);

const server = await serve();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage',
    '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
const newPage = async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
  return page;
};
const finished = (page, timeout = 600000) =>
  page.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor({ timeout });
const memory = (page) => page.evaluate(() => ({ js: performance.memory.usedJSHeapSize, wasm: window.__wasm?.memory?.buffer.byteLength ?? 0 }));

// Page weight: every file the first load fetches.
if (want('weight')) {
  const page = await newPage();
  const files = [];
  page.on('response', async (r) => { try { const b = await r.body(); files.push({ url: r.url(), raw: b.length, gz: gzipSize(b) }); } catch { /* redirects */ } });
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  await page.waitForLoadState('networkidle');
  const raw = files.reduce((s, f) => s + f.raw, 0);
  const gz = files.reduce((s, f) => s + f.gz, 0);
  out(`page weight (first load): ${files.length} files, ${kb(raw)} raw, ${kb(gz)} gzip -9 (budget 250 KB gzip)`);
  await page.close();
}

// Time to interactive: navigation start until the app is mounted with its handlers (median of 10).
if (want('tti')) {
  const times = [];
  for (let i = 0; i < 10; i += 1) {
    const page = await newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
    times.push(await page.evaluate(() => performance.getEntriesByName('playground-interactive')[0]?.startTime ?? NaN));
    await page.close();
  }
  out(`time to interactive: median ${median(times).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms (10 loads; budget 300 ms)`);
}

// Timing fidelity: |measured - ideal| over every event of the async lessons at unit=1000.
if (want('fidelity')) {
  const diffs = [];
  const page = await newPage();
  for (const lesson of ['await', 'tasks', 'order', 'gather', 'offload']) {
    await page.goto(`${server.url}?v=1&lesson=${lesson}`);
    if (lesson === 'offload') await page.getByRole('status', { name: 'Worker pool' }).filter({ hasText: 'ready' }).waitFor();
    for (let i = 0; i < RUNS; i += 1) {
      await page.getByRole('button', { name: /^Run( again)?$/ }).click();
      await finished(page);
      const pairs = await page.locator('.output [data-ideal-t]').evaluateAll((ls) => ls.map((l) => [Number(l.dataset.t), Number(l.dataset.idealT)]));
      for (const [t, ideal] of pairs) diffs.push(Math.abs(t - ideal));
    }
  }
  out(`timing fidelity (lessons 2, 3, 4, 6, 7 at unit=1000, ${RUNS} runs each, ${diffs.length} events): median ${median(diffs).toFixed(2)} ms, p95 ${p95(diffs).toFixed(2)} ms (budget 2 ms / 8 ms)`);
  await page.close();
}

// Scale: gather of many jobs of 1 s through the scenario API.
for (const n of want('scale') ? [1000, 10000, 100000] : []) {
  const page = await newPage();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  await page.evaluate(() => {
    window.__watch = { last: performance.now(), stall: 0, heap: 0, on: true };
    const frame = (t) => {
      const w = window.__watch;
      w.stall = Math.max(w.stall, t - w.last); w.last = t;
      w.heap = Math.max(w.heap, performance.memory.usedJSHeapSize);
      if (w.on) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const started = Date.now();
  await page.evaluate((jobs) => window.wasmBindings.runScenario('mode=gather&unit=1000', jobs, 1.0), n);
  await finished(page);
  await page.waitForTimeout(1000); // the output and summary render
  const wall = Date.now() - started;
  const end = Number(await page.locator('.output [data-who="main"][data-event="end"]').getAttribute('data-t'));
  const w = await page.evaluate(() => { window.__watch.on = false; return window.__watch; });
  const mem = await memory(page);
  out(`scale: gather of ${n} jobs of 1 s: run took ${end.toFixed(0)} ms for 1000 ms ideal (${((end / 1000 - 1) * 100).toFixed(1)}% over), `
    + `longest main-thread stall ${w.stall.toFixed(0)} ms (run and rendering, ${(wall / 1000).toFixed(1)} s wall), peak JS heap ${mb(w.heap)}, wasm memory ${mb(mem.wasm)}`);
  await page.close();
}

// Leaks: heap after 20 runs of lesson 7 against after 1.
if (want('leaks')) {
  const page = await newPage();
  await page.goto(`${server.url}?v=1&lesson=gather&unit=50`);
  const cdp = await page.context().newCDPSession(page);
  const settle = async () => { await cdp.send('HeapProfiler.collectGarbage'); await page.waitForTimeout(200); await cdp.send('HeapProfiler.collectGarbage'); return memory(page); };
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await finished(page);
  const one = await settle();
  for (let i = 0; i < 19; i += 1) {
    await page.getByRole('button', { name: /^Run( again)?$/ }).click();
    await finished(page);
  }
  const twenty = await settle();
  out(`leaks: after 20 runs of lesson 7 against 1: JS heap ${mb(one.js)} -> ${mb(twenty.js)} (${((twenty.js - one.js) / 1048576).toFixed(2)} MB), wasm memory ${mb(one.wasm)} -> ${mb(twenty.wasm)} (budget 5 MB)`);
  await page.close();
}

const chrome = browser.version();
await browser.close();
await server.close();
out(`machine: ${(await import('node:os')).cpus().length} cores (${(await import('node:os')).cpus()[0].model}), Chromium ${chrome}, ${new Date().toISOString().slice(0, 10)}`);
