/**
 * `posdiag fleet ingest|report`: the fleet side, run on the acquirer's servers, not on a terminal. It
 * travels in dist/fleet.js (src/fleet-bundle.ts loads it); its database drivers are required at run time.
 *
 *   ingest   subscribe to every terminal's records and statuses (shared subscription), store them, publish
 *            each terminal's retained ack after the commit; until SIGINT/SIGTERM
 *   report   the support desk's questions answered from the database: text, --json, or --html FILE
 */
import { hostname } from 'node:os';
import { HalError } from '../../hal/errors';
import { MESSAGE_MAX, safeText } from '../../hal/safe-text';
import { EXIT } from '../cli/io';
import type { CommandSpec } from '../cli/spec';
import { fleetSettings, type FleetFlags } from './config';
import { openFleetStore } from './database';
import { Ingest } from './ingest';
import { connectBroker, readTlsFiles } from './mqtt';
import { runReport, type ReportFlags } from './report-command';
import { DEFAULT_TOPIC_PREFIX } from './wire';
import { untilSignal } from '../cli/until-signal';

const ACTIONS = ['ingest', 'report'] as const;

export const fleetCommand: CommandSpec = {
  name: 'fleet',
  arguments: [{ name: 'action', help: ACTIONS.join(', '), required: true }],
  options: [
    { name: 'broker', value: 'url', help: 'ingest: the broker, mqtts://host:port (else fleet.broker)' },
    { name: 'cert', value: 'file', help: "ingest: the ingest's client certificate, PEM (else fleet.cert)" },
    { name: 'key', value: 'file', help: 'ingest: its private key, PEM (else fleet.key)' },
    { name: 'ca', value: 'file', help: "ingest: the CA of the broker's certificate, PEM (else fleet.ca)" },
    { name: 'database', value: 'db', help: 'a SQLite file or a postgres:// URL (else fleet.database)' },
    { name: 'client-id', value: 'id', help: "ingest: the MQTT client id of the ingest's persistent session (default posdiag-ingest-HOST)" },
    { name: 'group', value: 'name', help: 'ingest: the shared subscription group (default ingest)' },
    { name: 'prefix', value: 'topic', help: `the topic prefix (default ${DEFAULT_TOPIC_PREFIX})` },
    { name: 'hours', value: 'n', help: 'report: the window of the cause counts, in hours back from the newest record (default 24)' },
    { name: 'repeat', value: 'n', help: 'report: a terminal with the same cause this often in 7 days is listed (default 3)' },
    { name: 'missing-hours', value: 'n', help: 'report: a terminal not seen for this long is missing (default 24)' },
    { name: 'html', value: 'file', help: 'report: also write the report as one self-contained HTML page with charts' },
  ],
  notes:
    "Settings come from the configuration's fleet section (--config), options over it. ingest runs until SIGINT or SIGTERM, then commits what it holds, publishes the due acks and prints its counts.",
  examples: [
    'posdiag fleet ingest --config /etc/posdiag/fleet.json',
    'posdiag fleet ingest --broker mqtts://broker.example:8883 --cert ingest.crt --key ingest.key --ca ca.crt --database /var/lib/posdiag/fleet.db',
    'posdiag fleet report --database /var/lib/posdiag/fleet.db',
    'posdiag fleet report --database postgres://posdiag@db/fleet --html report.html --json',
  ],
  async run({ args, opts }, ctx) {
    const action = args.action;
    if (action === 'report') return runReport(fleetSettings(ctx.configPath, opts as FleetFlags, 'report'), opts as ReportFlags, ctx);
    if (action !== 'ingest') throw new HalError('Usage_Invalid', `fleet: unknown action "${action}"; expected one of ${ACTIONS.join(', ')}`, { action });
    const s = fleetSettings(ctx.configPath, opts as FleetFlags, 'ingest');
    const tls = readTlsFiles(s);
    const store = await openFleetStore(s.database);
    const prefix = s.prefix ?? DEFAULT_TOPIC_PREFIX;
    const client = connectBroker(
      s,
      s.clientId ??
        `posdiag-ingest-${hostname()
          .replace(/[^0-9A-Za-z_.-]/g, '')
          .slice(0, 40)}`,
      tls,
    );
    // The broker's and the database's messages come from outside: no control byte reaches the operator's terminal.
    const log = (line: string) => ctx.io.stderr(`fleet ingest: ${safeText(line, { max: MESSAGE_MAX })}\n`);
    const ingest = new Ingest({ store, publisher: client, prefix, ackIntervalMs: s.ackIntervalMs, batchMs: s.batchMs, maxBatch: s.maxBatch, log });
    const filter = `$share/${s.group ?? 'ingest'}/${prefix}/+/+/#`;
    client.on('message', (topic, payload) => ingest.handle(topic, payload));
    client.on('error', (err) => log(`broker: ${err.message}`));
    client.on('connect', (connack) => {
      // SUBSCRIBE on every connect, a resumed session too: mqtt.js would skip a filter it holds as subscribed
      // (trusting the session), but after a restart Mosquitto 2.0.11 resumes the session from its persistence
      // and delivers nothing to its `$share` subscription: the ingest would receive nothing again. A second
      // SUBSCRIBE to the same filter only replaces the first (MQTT 5 §3.8.4).
      const again = { [filter]: { qos: 1 }, resubscribe: true } as unknown as import('mqtt').ISubscriptionMap;
      client.subscribe(again, (err, granted) => {
        const code = granted?.[0]?.qos;
        if (err || code === undefined || code > 1) return log(`subscribing to ${filter} failed: ${err?.message ?? `reason code ${String(code)}`}`);
        // One line when ready: scripts and tests wait for it.
        log(`ready: ${filter} on ${s.broker} (session ${connack.sessionPresent ? 'resumed' : 'new'}), ${s.database.kind} database`);
      });
    });
    await untilSignal();
    await ingest.close();
    await client.endAsync();
    await store.close();
    const st = ingest.stats;
    const refused = Object.values(st.refused).reduce((a, b) => a + b, 0);
    return {
      exitCode: EXIT.ok,
      json: st,
      text: `fleet ingest: ${st.received} messages, ${st.inserted} records stored, ${st.duplicates} duplicates dropped, ${st.statuses} statuses, ${refused} refused, ${st.acksPublished} acks published\n`,
    };
  },
};
