// Shared by the end-to-end tests: dist/ served as plain static files (no special headers),
// and Debian's Chromium driven headless by playwright-core (never a downloaded browser).
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};

/** Serves `dir` on 127.0.0.1 at a free port, with `headers` on every answer; resolves to { url, close }. */
export async function serve(dir = DIST, port = 0, headers = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? join(path, 'index.html') : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  // A server a failed test did not close must not keep the test file's process alive.
  server.unref();
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

/** Debian's Chromium, headless, with the flags this machine needs. */
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage',
    '--disable-component-update', '--no-first-run', '--disable-sync'],
};

export function launch() {
  return chromium.launch(CHROMIUM);
}

/** Chromium with a profile of its own in `dir` (not incognito, as a learner's browser is). */
export function launchProfile(dir, options = {}) {
  return chromium.launchPersistentContext(dir, { ...CHROMIUM, ...options });
}

/** A new page that fails the test on any page error or console error. */
export async function openPage(browser, url, { width = 1280, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console error: ${m.text()}`); });
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(url);
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  return { page, errors };
}

/** The trace on the page: [{who, event, t, of}] from the output's data-* attributes. */
export async function traceOf(page) {
  return page.locator('.output [data-event]').evaluateAll((lines) => lines.map((l) => ({
    who: l.dataset.who, event: l.dataset.event, t: Number(l.dataset.t), of: l.dataset.of ? Number(l.dataset.of) : null,
  })));
}

/** Saves a screenshot for people to look at, under tests/e2e/artifacts/. */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
