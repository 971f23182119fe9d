/**
 * A reader of the journal and a writer that rotates it, at the same time (as `posdiag journal list`
 * beside a diagnosis): every read is one consistent picture — records in seq order, none twice, and
 * no hole inside the files read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openJournal } from '../../../src/journal/journal';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'posdiag-jrot-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('reads while another journal on the same directory appends and rotates', async () => {
  // Two journals on one directory: as two processes, each with its own state (no shared queue).
  const writer = openJournal(dir, { maxBytes: 4096, keepFiles: 20 });
  const reader = openJournal(dir, { maxBytes: 4096, keepFiles: 20 });
  const event = { kind: 'menu', event: 'test', detail: 'x'.repeat(300), terminalId: '10000001', merchantId: '898310048990001' } as const;
  for (let i = 0; i < 20; i++) await writer.append(event);

  let writing = true;
  const writes = (async () => {
    for (let i = 0; i < 150; i++) await writer.append(event);
    writing = false;
  })();
  const bad: string[] = [];
  let reads = 0;
  while (writing) {
    const { records } = await reader.readAll();
    reads++;
    const seqs = records.map((r) => r.seq);
    for (let i = 1; i < seqs.length; i++) {
      if (seqs[i] !== seqs[i - 1]! + 1) bad.push(`read ${reads}: ${seqs[i - 1]} then ${seqs[i]}`);
    }
  }
  await writes;
  expect(reads).toBeGreaterThanOrEqual(3); // several reads overlapped the ~16 rotations
  expect(bad).toEqual([]);
});
