/**
 * Every host fault of DESIGN.md through the real network check, on real TCP sockets to the mock acquirer
 * host on 127.0.0.1, with short named timeouts. Each fault must come out as its own classification, and
 * within the budget the check asks for.
 */
import type { BindingInterface } from '@serialport/bindings-interface';
import { systemClock } from '../../../hal/clock';
import { createNetworkCheck } from '../../../hal/network/check';
import { deviceEnv, type CheckEnv } from '../../../hal/devices';
import type { LocalSource } from '../../../hal/network/local-source';
import { runChecks, DeviceResult } from '../../../hal/selfcheck';
import { answerRequest, HostFault, RunningHostSim, startHostSim } from '../../../mocks/host-sim';

// The local files are the development container's captures; the host part is what is under test here.
const local: LocalSource = {
  readText: async (path) =>
    path.endsWith('route')
      ? 'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\neth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\n'
      : 'nameserver 10.255.255.53\n',
  interfaces: () => ({ eth0: [{ address: '192.0.2.2', family: 'IPv4', internal: false }] }),
  littleEndian: true,
  platform: 'linux',
};

const OPTIONS = { connectTimeoutMs: 400, tries: 2, tryIntervalMs: 0, holdMs: 80, echoTimeoutMs: 500, slowEchoMs: 150, dnsTimeoutMs: 300 };

async function runAgainst(sim: RunningHostSim, form: 'iso' | 'cup' = 'cup'): Promise<{ result: DeviceResult; budgetMs: number }> {
  const env: CheckEnv = {
    binding: {} as BindingInterface,
    clock: systemClock,
    devices: {},
    host: { address: sim.address, port: sim.port, echo: true, ...(form === 'cup' ? { tpdu: '6000030000' } : {}) },
    terminal: { id: '10000001', merchantId: '898310048990001', acquirer: form === 'cup' ? 'cup' : 'other' },
  };
  const check = createNetworkCheck(deviceEnv(env, env.host), { local, options: OPTIONS, nextStan: () => 4242 });
  const run = await runChecks([check], { level: 'internal', totalBudgetMs: 60_000 });
  return { result: run.devices[0], budgetMs: check.budgetMs };
}

const find = (r: DeviceResult, id: string) => r.findings.find((f) => f.id === id);

describe('network check against the mock acquirer host (loopback only)', () => {
  let sim: RunningHostSim | null = null;
  afterEach(async () => {
    await sim?.close();
    sim = null;
  });

  it.each<[HostFault, Record<string, { status: string; value: unknown }>]>([
    [
      'healthy',
      {
        'network.tcp': { status: 'pass', value: expect.any(Number) },
        'network.echo': { status: 'pass', value: '00' },
        'network.echo-rtt': { status: 'pass', value: expect.any(Number) },
      },
    ],
    ['decline-96', { 'network.tcp': { status: 'pass', value: expect.any(Number) }, 'network.echo': { status: 'fail', value: '96' } }],
    ['refuse', { 'network.tcp': { status: 'fail', value: 'refused' } }],
    ['reset', { 'network.tcp': { status: 'fail', value: 'reset' } }],
    ['blackhole', { 'network.tcp': { status: 'timeout', value: 'timeout' } }],
    ['slow', { 'network.echo': { status: 'pass', value: '00' }, 'network.echo-rtt': { status: 'warn', value: expect.any(Number) } }],
  ])('%s', async (fault, expected) => {
    sim = await startHostSim({ fault, slowMs: 300 });
    const started = performance.now();
    const { result, budgetMs } = await runAgainst(sim);
    const elapsed = performance.now() - started;
    for (const [id, want] of Object.entries(expected)) expect(find(result, id)).toMatchObject(want);
    expect(find(result, 'network.budget')).toBeUndefined();
    expect(elapsed).toBeLessThan(budgetMs + 250); // the budget, with scheduling tolerance
    if (fault === 'refuse' || fault === 'reset' || fault === 'blackhole') expect(find(result, 'network.echo')).toBeUndefined();
  });

  it('a run budget shorter than the blackhole needs: the runner stops the check and its sockets close', async () => {
    sim = await startHostSim({ fault: 'blackhole' });
    const env: CheckEnv = { binding: {} as BindingInterface, clock: systemClock, devices: {}, host: { address: sim.address, port: sim.port, echo: true } };
    // Default options (2500 ms connects): a 400 ms run budget cuts the check mid-connect.
    const run = await runChecks([createNetworkCheck(deviceEnv(env, env.host), { local })], { level: 'internal', totalBudgetMs: 400 });
    expect(find(run.devices[0], 'network.budget')).toMatchObject({ status: 'timeout' });
    expect(find(run.devices[0], 'network.tcp')).toBeUndefined();
    // jest's --detectOpenHandles fails the file if the aborted connect left a socket or timer behind.
  });

  it('slow beyond the echo timeout is an echo timeout', async () => {
    sim = await startHostSim({ fault: 'slow', slowMs: 900 });
    const { result } = await runAgainst(sim);
    expect(find(result, 'network.tcp')?.status).toBe('pass');
    expect(find(result, 'network.echo')).toMatchObject({ status: 'timeout', value: 'timeout' });
  });

  it('the ISO form (field 70) gets its answer too', async () => {
    sim = await startHostSim({ fault: 'decline-96' });
    const { result } = await runAgainst(sim, 'iso');
    expect(find(result, 'network.echo')).toMatchObject({ status: 'fail', value: '96' });
    // The host saw an ASCII 0800 with field 70 = 301 and our STAN.
    const body = Buffer.from(sim.received[0]).toString('latin1');
    expect(body.startsWith('0800')).toBe(true);
    expect(body).toContain('004242');
    expect(body.endsWith('301')).toBe(true);
  });

  it.each([
    ['line noise', () => Buffer.from('0004DEADBEEF', 'hex'), 'garbled'],
    ['an answer with another STAN', (body: Uint8Array) => rewriteStan(body), 'wrong-stan'],
    ['a length header over the limit', () => Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n', 'latin1'), 'garbled'],
  ])('%s is a finding, not a crash', async (_name, respond, value) => {
    sim = await startHostSim({ fault: 'healthy', respond });
    const { result } = await runAgainst(sim);
    expect(find(result, 'network.echo')).toMatchObject({ status: 'fail', value });
  });
});

/** Answers like a healthy host, but with STAN 999999 instead of the request's. */
function rewriteStan(body: Uint8Array): Uint8Array {
  const reply = Buffer.from(answerRequest(body, '00')!);
  // CUP form: length(2) TPDU(5) MTI(2) bitmap(8), then field 11 as 3 BCD bytes.
  reply.set([0x99, 0x99, 0x99], 2 + 5 + 2 + 8);
  return reply;
}
