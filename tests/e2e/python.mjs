// Learners' programs in the end-to-end tests: a program as a `code=` link (the contract's
// encoding, made here with Node's zlib), CPython's trace of it (the Python engine's harness,
// run live under python3), the trace the page shows, and the contract's comparison.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { ROOT } from './helpers.mjs';

/** The `code` value of a program (programs.md: raw DEFLATE, base64url without padding). */
export const codeOf = (src) => deflateRawSync(Buffer.from(src, 'utf8')).toString('base64url');

/** The program a `code` value holds (Node's zlib reads it: any raw DEFLATE encoder may write it). */
export const programOf = (code) => inflateRawSync(Buffer.from(code, 'base64url')).toString('utf8');

/** CPython's trace of `src`: [{event, text, t (ms), who}], from the engine's reference harness. */
export function cpython(src) {
  const dir = mkdtempSync(join(tmpdir(), 'program-'));
  try {
    writeFileSync(join(dir, 'main.py'), src);
    execFileSync('python3', [join(ROOT, 'crates', 'python', 'tests', 'reference', 'harness.py'), dir], { stdio: 'ignore' });
    return readFileSync(join(dir, 'trace.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
      .map((l) => ({ event: l.e, text: l.x, t: l.t, who: l.w }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The trace the page shows: its output's lines (the contract's data-* attributes), `main end` last. */
export async function programTrace(frame) {
  return frame.locator('.output [data-event]').evaluateAll((lines) => lines.map((l) => ({
    event: l.dataset.event, text: l.dataset.text ?? '', t: Number(l.dataset.t), who: l.dataset.who,
  })));
}

/** Lines pool workers write within this many ms of each other (CPython's time) race in CPython. */
const RACE_MS = 10;

/** Differences between CPython's lines and the page's, at `unit` ms per second ([] when they
 * match): the same lines, in order (lines pool workers write within 10 ms of each other in either
 * order: they race in CPython), from the same tasks, within 0.15 s; the same last line of
 * standard error; and the page's run ends with `main end`. */
export function compareProgram(cpy, page, unit, tolerance = 0.15) {
  const problems = [];
  const end = page.at(-1);
  if (!end || end.event !== 'end' || end.who !== 'main') problems.push('the output does not end with main end');
  const ours = page.filter((l) => l.event !== 'end');
  const out = (lines) => lines.filter((l) => l.event === 'print');
  const [a, b] = [out(cpy), out(ours)];
  // Lines that pool workers write within 10 ms of each other race in CPython itself (two
  // threads, or two processes, printing at once): within such a run, either order is theirs.
  const worker = (l) => l.who === 'thread' || l.who === 'process';
  const byKey = (x, y) => (`${x.who} ${x.text}` < `${y.who} ${y.text}` ? -1 : 1);
  for (let i = 0; i < a.length;) {
    let j = i + 1;
    while (worker(a[i]) && j < a.length && worker(a[j]) && a[j].t - a[i].t <= RACE_MS) j += 1;
    if (j - i > 1) {
      a.splice(i, j - i, ...a.slice(i, j).sort(byKey));
      if (j <= b.length) b.splice(i, j - i, ...b.slice(i, j).sort(byKey));
    }
    i = j;
  }
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const [x, y] = [a[i], b[i]];
    const same = x && y && x.text === y.text && x.who === y.who && Math.abs(x.t / 1000 - y.t / unit) <= tolerance;
    if (!same) {
      const show = (l, u) => (l ? `${l.who} "${l.text}" @${(l.t / u).toFixed(3)}` : 'nothing');
      problems.push(`line ${i + 1}: CPython ${show(x, 1000)}, ours ${show(y, unit)}`);
    }
  }
  const lastErr = (lines) => lines.filter((l) => l.event === 'stderr').map((l) => l.text.trim()).filter(Boolean).at(-1);
  if (lastErr(cpy) !== lastErr(ours)) problems.push(`last stderr line: CPython ${lastErr(cpy)}, ours ${lastErr(ours)}`);
  return problems;
}
