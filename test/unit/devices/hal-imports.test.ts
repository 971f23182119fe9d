/**
 * How hal/ hangs together: no import circle (type imports included), and the wire (hal/transport) knows
 * lines, not devices — a device's configuration reaches it only as the line's own settings.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const ROOT = join(__dirname, '../../..');

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? tsFiles(path) : name.endsWith('.ts') ? [normalize(path)] : [];
  });
}

/** The files of the repository `file` imports or re-exports from, by relative path. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)[^'";]*?from\s+['"](\.[^'"]+)['"]/g)) {
    const base = normalize(join(dirname(file), m[1]));
    const found = [`${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(join(ROOT, p)));
    if (found) out.push(found);
  }
  return out;
}

const HAL = tsFiles('hal');
const graph = new Map(HAL.map((f) => [f, importsOf(f)]));

test('no file in hal/ reaches itself through its imports', () => {
  const circles: string[][] = [];
  const done = new Set<string>();
  const visit = (file: string, path: string[]) => {
    const at = path.indexOf(file);
    if (at >= 0) return void circles.push(path.slice(at).concat(file));
    if (done.has(file)) return;
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    done.add(file);
  };
  for (const file of HAL) visit(file, []);
  expect(circles.map((c) => c.map((f) => relative('hal', f)).join(' -> '))).toEqual([]);
});

test('the transport imports nothing of a device, nor the configuration', () => {
  const wrong = HAL.filter((f) => f.startsWith(join('hal', 'transport'))).flatMap((f) =>
    (graph.get(f) ?? [])
      .filter((dep) => !dep.startsWith(join('hal', 'transport')) && !['errors.ts', 'clock.ts', 'options.ts'].includes(relative('hal', dep)))
      .map((dep) => `${f} -> ${dep}`),
  );
  expect(wrong).toEqual([]);
});
