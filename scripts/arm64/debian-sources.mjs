// Prints, as one deb822 sources file, the entries of this machine's own apt sources that serve its
// Debian release (codename, codename-updates, codename-security, …), limited to arm64. The arm64 smoke
// fetches its C runtime through these, so no mirror host is written down in posdiag; third-party
// repositories (Node, cloud tools) are left out because they need not carry arm64 or the base libraries.
// Usage: node debian-sources.mjs CODENAME [ETC_APT_DIR]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [codename, etc = '/etc/apt'] = process.argv.slice(2);
if (!codename) {
  console.error('usage: debian-sources.mjs CODENAME [ETC_APT_DIR]');
  process.exit(2);
}
const ours = (suite) => suite === codename || suite.startsWith(`${codename}-`) || suite.startsWith(`${codename}/`);

// deb822 stanzas: "Field: value" with continuation lines that start with a blank; "#" lines are comments.
function parseDeb822(text) {
  const stanzas = [];
  let cur = null;
  let last = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    if (line.trim() === '') {
      cur = null;
      last = null;
      continue;
    }
    if (/^\s/.test(line) && cur && last) {
      cur[last] += '\n' + line.trim();
      continue;
    }
    const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    if (!cur) stanzas.push((cur = {}));
    last = m[1].toLowerCase();
    cur[last] = m[2].trim();
  }
  return stanzas;
}

// One-line form: deb [opt=value ...] URI SUITE COMPONENT...
function parseOneLine(text) {
  const out = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    const m = /^(deb|deb-src)\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)\s*(.*)$/.exec(line);
    if (!m) continue;
    const entry = { types: m[1], uris: m[3], suites: m[4], components: m[5].trim() };
    for (const opt of (m[2] ?? '').split(/\s+/).filter(Boolean)) {
      const [k, v] = opt.split('=');
      if (k === 'signed-by') entry['signed-by'] = v;
      if (k === 'arch') entry.architectures = v.split(',').join(' ');
      if (k === 'trusted') entry.trusted = v;
    }
    out.push(entry);
  }
  return out;
}

const entries = [];
const main = join(etc, 'sources.list');
if (existsSync(main)) entries.push(...parseOneLine(readFileSync(main, 'utf8')));
const parts = join(etc, 'sources.list.d');
if (existsSync(parts)) {
  for (const name of readdirSync(parts).sort()) {
    const text = readFileSync(join(parts, name), 'utf8');
    if (name.endsWith('.sources')) entries.push(...parseDeb822(text));
    else if (name.endsWith('.list')) entries.push(...parseOneLine(text));
  }
}

const stanzas = [];
for (const e of entries) {
  if (!e.types || !e.uris || !e.suites) continue;
  if (e.enabled && e.enabled.toLowerCase() === 'no') continue;
  if (!e.types.split(/\s+/).includes('deb')) continue;
  // An entry pinned to other architectures says its mirror does not serve arm64.
  if (e.architectures && !e.architectures.split(/\s+/).includes('arm64')) continue;
  const suites = e.suites.split(/\s+/).filter(ours);
  if (suites.length === 0) continue;
  const lines = ['Types: deb', `URIs: ${e.uris.split(/\s+/).join(' ')}`, `Suites: ${suites.join(' ')}`];
  if (e.components) lines.push(`Components: ${e.components.split(/\s+/).join(' ')}`);
  lines.push('Architectures: arm64');
  if (e['signed-by']) lines.push(`Signed-By: ${e['signed-by'].split('\n').join('\n ')}`);
  if (e.trusted) lines.push(`Trusted: ${e.trusted}`);
  stanzas.push(lines.join('\n'));
}
if (stanzas.length === 0) {
  console.error(`no apt source in ${etc} serves the release "${codename}"`);
  process.exit(1);
}
process.stdout.write(stanzas.join('\n\n') + '\n');
