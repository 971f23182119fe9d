/**
 * The catalog's shape: ISO 00–99 complete with the reserved ranges marked, every CUP code the reference
 * lists present in the CUP table, overlays resolving in order, only the value sets DESIGN.md allows, and
 * every hint key backed by a text.
 */
import { ACQUIRERS, findAcquirer } from '../../../src/codes/acquirers';
import { CUP } from '../../../src/codes/cup';
import { ISO8583 } from '../../../src/codes/iso8583';
import { LOCAL_CODES } from '../../../src/codes/local';
import { lookup, UNKNOWN_ENTRY } from '../../../src/codes/lookup';
import { CATEGORIES, CHECK_NAMES, FAULT_SIDES, RETRY_ADVICE, SEVERITIES, type CodeEntry } from '../../../src/codes/types';
import { catalogOf } from '../../../src/i18n/catalog';
import { LOCALES } from '../../../src/i18n/locale';

const twoDigits = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/** Every entry of every table, named for failure messages. */
function allEntries(): Array<[string, CodeEntry]> {
  const out: Array<[string, CodeEntry]> = [];
  for (const p of Object.values(ACQUIRERS)) for (const [code, e] of Object.entries(p.table)) out.push([`${p.id}:${code}`, e]);
  for (const e of LOCAL_CODES) out.push([e.id, e]);
  out.push(['unknown', UNKNOWN_ENTRY]);
  return out;
}

test('ISO 8583:1987 has every code 00–99', () => {
  expect(Object.keys(ISO8583).sort()).toEqual(twoDigits);
});

// reference/response-codes.md §1 and §5.8: 45–50 and 69–74 ISO use, 76–89 private, 97–99 national.
test.each([
  ['45', '50'],
  ['69', '74'],
  ['76', '89'],
  ['97', '99'],
])('ISO %s–%s are marked reserved', (from, to) => {
  for (let n = Number(from); n <= Number(to); n++) expect(ISO8583[String(n)]?.reserved).toBe(true);
});

test('no ISO code outside the reserved ranges is marked reserved', () => {
  const reservedCodes = twoDigits.filter((c) => ISO8583[c]!.reserved);
  expect(reservedCodes).toHaveLength(6 + 6 + 14 + 3);
});

// Every code reference/response-codes.md §1 gives a CUP meaning for (QC or V1 columns), letter codes included.
const CUP_CODES_IN_REFERENCE = [
  '00',
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '09',
  '10',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '19',
  '20',
  '21',
  '22',
  '23',
  '25',
  '30',
  '31',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '39',
  '40',
  '41',
  '42',
  '43',
  '44',
  '45',
  '51',
  '52',
  '53',
  '54',
  '55',
  '56',
  '57',
  '58',
  '59',
  '60',
  '61',
  '62',
  '63',
  '64',
  '65',
  '66',
  '67',
  '68',
  '75',
  '77',
  '79',
  '90',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
  '97',
  '98',
  '99',
  'A0',
  'A1',
  'A2',
  'A3',
  'A4',
  'A5',
  'A6',
  'A7',
  'A8',
  'B1',
  'C1',
  'N1',
  'P1',
  'Y1',
  'Y3',
  'Z1',
  'Z3',
  'D1',
  'D2',
  'D3',
  'D4',
  'D5',
  'D6',
  'D7',
  'D8',
  'D9',
  'DA',
  'DB',
  'DC',
  'F1',
  'F2',
  'F3',
  'F4',
  'F5',
];

test.each(CUP_CODES_IN_REFERENCE)('CUP defines %s itself, with a source', (code) => {
  const entry = CUP[code];
  expect(entry).toBeDefined();
  expect(entry!.reserved).toBeFalsy();
  expect(entry!.sources?.length).toBeGreaterThan(0);
  expect(lookup(code, { acquirer: 'cup' })).toMatchObject({ scheme: 'cup', known: true, id: `cup:${code}` });
});

test.each(allEntries())('%s uses only the DESIGN.md value sets and a hint that exists', (_name, e) => {
  expect(CATEGORIES).toContain(e.category);
  expect(RETRY_ADVICE).toContain(e.retry);
  expect(SEVERITIES).toContain(e.severity);
  expect(FAULT_SIDES).toContain(e.side);
  for (const c of e.checks) expect(CHECK_NAMES).toContain(c);
  expect(new Set(e.checks).size).toBe(e.checks.length);
  for (const locale of LOCALES) expect(catalogOf(locale)[`hint.${e.hint}.title`]).toBeDefined();
  expect(e.meaning.trim()).not.toBe('');
});

test('approvals are the only n/a retries and never carry a fault side', () => {
  for (const [name, e] of allEntries()) {
    if (e.category === 'approved') expect({ name, retry: e.retry }).toEqual({ name, retry: 'n/a' });
    if (e.category === 'approved' && e.side !== 'none') expect({ name, side: e.side }).toEqual({ name, side: 'terminal' }); // Y3: approved, link down
  }
});

test('pick-up codes say to retain the card, and their hint says so without fraud wording', () => {
  for (const code of ['04', '07', '34', '35', '36', '37', '41', '43', '67']) {
    expect(lookup(code).entry).toMatchObject({ retainCard: true, hint: 'retain-card' });
  }
  for (const locale of LOCALES) {
    const text = { title: catalogOf(locale)['hint.retain-card.title'], action: catalogOf(locale)['hint.retain-card.action'] };
    expect(text.title).toBeDefined();
    expect(`${text.title} ${text.action}`).not.toMatch(/fraud|stolen|欺诈|作弊|被窃|盗/i);
  }
});

// reference §5.1: the national-use codes mean different things per profile.
test.each([
  ['97', 'cup', 'cup:97', 'terminal-not-registered'],
  ['98', 'cup', 'cup:98', 'issuer-timeout'],
  ['99', 'cup', 'cup:99', 'pin-format'],
  ['97', 'iso', 'iso:97', 'unknown'],
  ['98', 'as2805', 'as2805:98', 'mac-error'],
  ['97', 'as2805', 'as2805:97', 'not-for-pos'],
  ['99', 'as2805', 'iso:99', 'unknown'],
])('%s under %s resolves to %s', (code, acquirer, id, hint) => {
  expect(lookup(code, { acquirer })).toMatchObject({ id, entry: { hint } });
});

test('Lakala inherits CUP, overrides 96, and CUP falls back to ISO for codes it does not define', () => {
  expect(lookup('96', { acquirer: 'lakala' }).id).toBe('lakala:96');
  expect(lookup('A0', { acquirer: 'lakala' }).id).toBe('cup:A0');
  expect(lookup('97', { acquirer: 'lakala' }).id).toBe('cup:97');
  expect(lookup('08', { acquirer: 'lakala' }).id).toBe('iso:08');
  expect(lookup('17', { acquirer: 'cup' }).id).toBe('iso:17');
  expect(lookup('47', { acquirer: 'cup' })).toMatchObject({ id: 'iso:47', known: false, entry: { reserved: true } });
  expect(lookup('A0', { acquirer: 'iso' })).toMatchObject({ id: 'unknown', known: false, code: 'A0' });
});

test('acquirer names: ids, aliases, case and spaces; unknown names fall back to ISO in the library', () => {
  expect(findAcquirer(' CUP ')).toBe('cup');
  expect(findAcquirer('UnionPay')).toBe('cup');
  expect(findAcquirer('银联')).toBe('cup');
  expect(findAcquirer('拉卡拉')).toBe('lakala');
  expect(findAcquirer('nope')).toBeNull();
  expect(findAcquirer(42)).toBeNull();
  expect(lookup('96', { acquirer: 'nope' })).toMatchObject({ acquirer: 'iso', id: 'iso:96' });
  expect(lookup('96')).toMatchObject({ acquirer: 'cup', id: 'cup:96' });
});

test('every base of every profile exists and the chains end at ISO', () => {
  for (const p of Object.values(ACQUIRERS)) {
    let at: string | null = p.id;
    const seen = new Set<string>();
    while (at !== null) {
      expect(seen.has(at)).toBe(false);
      seen.add(at);
      expect(ACQUIRERS[at]).toBeDefined();
      at = ACQUIRERS[at]!.base;
    }
    expect(seen.has('iso')).toBe(true);
  }
});

describe('terminal-local codes', () => {
  const required = [
    'local.no-communication',
    'local.transaction-failed',
    'local.invalid-card',
    'local.exceeds-limit',
    'local.customer-not-registered',
    'local.transaction-terminated',
    'local.user-exception',
    'local.no-reply',
    'local.connect-failed',
    'local.reply-mac-error',
    'local.reader-power-up',
    'local.reversal-pending',
    'local.printer-paper-out',
  ];

  test("the issue's list is all there, ids namespaced and unique, display codes unique", () => {
    const ids = LOCAL_CODES.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(required));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^local\.[a-z0-9-]+$/);
    const displays = LOCAL_CODES.map((e) => e.display);
    expect(new Set(displays).size).toBe(displays.length);
    for (const d of displays) expect(d).toMatch(/^T\d\d$/);
  });

  test('every local entry names at least one check that can confirm it', () => {
    for (const e of LOCAL_CODES) expect({ id: e.id, n: e.checks.length > 0 }).toEqual({ id: e.id, n: true });
  });

  test.each(LOCAL_CODES.flatMap((e) => [e.id, e.display, ...e.texts].map((t) => [t, e.id] as const)))('%j finds %s', (text, id) => {
    expect(lookup(text)).toMatchObject({ id, scheme: 'local', known: true });
  });

  test('no terminal text is claimed by two entries, and none shadows a field-39 code', () => {
    const owner = new Map<string, string>();
    for (const e of LOCAL_CODES) {
      for (const t of e.texts) {
        const key = t.normalize('NFKC').toUpperCase();
        expect({ text: t, other: owner.get(key) }).toEqual({ text: t, other: undefined });
        owner.set(key, e.id);
        expect(t).not.toMatch(/^[0-9A-Za-z]{1,2}$/);
      }
    }
  });
});
