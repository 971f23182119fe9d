/**
 * The terminal's own network settings, read from what Linux exposes, parsed here without I/O:
 * - /proc/net/route: the kernel's main routing table. Addresses are 8 hex digits of the 32-bit value in
 *   the machine's byte order (little-endian on ARM and x86 POS boards: 192.0.2.1 reads "010200C0").
 * - /etc/resolv.conf: `nameserver` lines.
 * - the interface list (os.networkInterfaces() shape): which interfaces are up with an address.
 */

export interface Route {
  iface: string;
  destination: string;
  gateway: string;
  mask: string;
  flags: number;
  metric: number;
}

/** RTF_UP and RTF_GATEWAY from linux/route.h. */
const RTF_UP = 0x0001;
export const RTF_GATEWAY = 0x0002;

/** Turns the kernel's 8 hex digits into dotted IPv4; null when the text is not 8 hex digits. */
export function hexToIpv4(hex: string, littleEndian = true): string | null {
  if (!/^[0-9A-Fa-f]{8}$/.test(hex)) return null;
  const bytes = [0, 2, 4, 6].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return (littleEndian ? bytes.reverse() : bytes).join('.');
}

/** Parses /proc/net/route. Malformed lines are skipped; a missing header column yields no routes. */
export function parseProcNetRoute(text: string, littleEndian = true): Route[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  const header = lines[0].trim().split(/\s+/);
  const col = (name: string) => header.indexOf(name);
  const idx = { iface: col('Iface'), dest: col('Destination'), gw: col('Gateway'), flags: col('Flags'), metric: col('Metric'), mask: col('Mask') };
  if (Object.values(idx).some((i) => i < 0)) return [];
  const routes: Route[] = [];
  for (const line of lines.slice(1)) {
    const cells = line.trim().split(/\s+/);
    const destination = hexToIpv4(cells[idx.dest] ?? '', littleEndian);
    const gateway = hexToIpv4(cells[idx.gw] ?? '', littleEndian);
    const mask = hexToIpv4(cells[idx.mask] ?? '', littleEndian);
    const flags = parseInt(cells[idx.flags] ?? '', 16);
    const metric = Number(cells[idx.metric]);
    if (!destination || !gateway || !mask || !Number.isFinite(flags) || !Number.isFinite(metric)) continue;
    routes.push({ iface: cells[idx.iface], destination, gateway, mask, flags, metric });
  }
  return routes;
}

/**
 * The default route in use: destination and mask 0.0.0.0 and up; the lowest metric wins. A point-to-point
 * link (pppd's `defaultroute` on a cellular modem) has no gateway: its default route is just "out of ppp0",
 * gateway 0.0.0.0 without RTF_GATEWAY, and that is a working default route too.
 */
export function defaultGateway(routes: readonly Route[]): Route | null {
  const defaults = routes.filter((r) => r.destination === '0.0.0.0' && r.mask === '0.0.0.0' && (r.flags & RTF_UP) !== 0);
  defaults.sort((a, b) => a.metric - b.metric);
  return defaults[0] ?? null;
}

/** The `nameserver` addresses of a resolv.conf, in order, comments and other options ignored. */
export function parseResolvConf(text: string): string[] {
  const servers: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const m = /^nameserver\s+(\S+)/.exec(line);
    if (m) servers.push(m[1]);
  }
  return servers;
}

/** One address of an interface, as os.networkInterfaces() gives it. */
export interface InterfaceAddress {
  address: string;
  family: string | number;
  internal: boolean;
}

export interface ActiveInterface {
  name: string;
  addresses: string[];
}

/**
 * The interfaces that can carry traffic to the host: not loopback, with at least one address that is not
 * IPv6 link-local (fe80::/10 works only on the local segment). Node lists only interfaces that are up and
 * have an address, so "listed" already means "up".
 */
export function activeInterfaces(list: Readonly<Record<string, readonly InterfaceAddress[] | undefined>>): ActiveInterface[] {
  const out: ActiveInterface[] = [];
  for (const [name, addrs] of Object.entries(list)) {
    const usable = (addrs ?? []).filter((a) => !a.internal && !/^fe[89ab][0-9a-f]:/i.test(a.address)).map((a) => a.address);
    if (usable.length > 0) out.push({ name, addresses: usable });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
