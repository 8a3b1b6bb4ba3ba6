// CPython's traces for the end-to-end tests: tests/reference/asyncio_trace.py run live
// under python3, and the spec's comparison (same events per actor, in order, within a tolerance).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';

/** Runs each full query under CPython at `unit` ms per second; one trace per query. */
export function cpythonTraces(queries, unit) {
  const out = execFileSync('python3', [join(ROOT, 'tests', 'reference', 'asyncio_trace.py'), '--unit', String(unit)], {
    input: queries.join('\n') + '\n', encoding: 'utf8',
  });
  return out.split('\n\n').filter((b) => b.trim()).map((block) => block.split('\n').filter((l) => l && !l.startsWith('#'))
    .map((line) => {
      const [who, event, s, of] = line.split(' ');
      return { who, event, s: Number(s), of: of ? Number(of) : null };
    }));
}

/** A job's worker events happen on another thread: a stream of their own (as in compare.rs). */
const stream = (e) => (e.event.startsWith('worker-') ? `${e.who} worker` : e.who);

/** Differences between an expected and an actual trace ([] when they match). */
export function compareTraces(expected, actual, tolerance = 0.15) {
  const byWho = (trace) => trace.reduce((m, e) => m.set(stream(e), [...(m.get(stream(e)) ?? []), e]), new Map());
  const [want, got] = [byWho(expected), byWho(actual)];
  const problems = [];
  for (const who of new Set([...want.keys(), ...got.keys()])) {
    const [w, g] = [want.get(who) ?? [], got.get(who) ?? []];
    for (let i = 0; i < Math.max(w.length, g.length); i += 1) {
      const [a, b] = [w[i], g[i]];
      const same = a && b && a.event === b.event && a.of === b.of && Math.abs(a.s - b.s) <= tolerance;
      if (!same) problems.push(`${who}: expected ${a ? `${a.event}@${a.s}` : 'nothing'}, got ${b ? `${b.event}@${b.s.toFixed(3)}` : 'nothing'}`);
    }
  }
  return problems;
}
