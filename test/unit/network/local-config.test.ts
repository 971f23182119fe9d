/** Parsers of the terminal's network settings, on captured files. */
import { activeInterfaces, defaultGateway, hexToIpv4, parseProcNetRoute, parseResolvConf } from '../../../hal/network/local-config';

// Captured from the development container (x86-64 Linux, Docker bridge), byte for byte including the padding.
const ROUTE_CONTAINER =
  'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT                                                       \n' +
  'eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0                                                                               \n' +
  'eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0                                                                               \n';

// A terminal with Wi-Fi and a cellular modem (ppp0) both up; the kernel lists ppp0's default with metric 0
// and wlan0's with 600 (NetworkManager's Wi-Fi metric). Constructed in /proc/net/route's exact format.
const ROUTE_WIFI_AND_PPP =
  'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n' +
  'wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0\n' +
  'ppp0\t00000000\t0100000A\t0003\t0\t0\t0\t00000000\t0\t0\t0\n' +
  'wlan0\t0001A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0\n';

// No default route: only the link route (a terminal whose DHCP lease gave no router, or a static setup
// with the gateway left out: seed 002's "wrong gateway").
const ROUTE_NO_DEFAULT =
  'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n' + 'eth0\t0001A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n';

// pppd with `defaultroute` on a cellular modem: default out of ppp0, no gateway (flags 0001 = up only).
const ROUTE_PPP_ONLY =
  'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n' + 'ppp0\t00000000\t00000000\t0001\t0\t0\t0\t00000000\t0\t0\t0\n';

// A default route that is down (flags 0002: RTF_GATEWAY without RTF_UP).
const ROUTE_DEFAULT_DOWN =
  'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n' + 'eth0\t00000000\t0101A8C0\t0002\t0\t0\t0\t00000000\t0\t0\t0\n';

describe('hexToIpv4', () => {
  it.each([
    ['010200C0', true, '192.0.2.1'],
    ['C0000201', false, '192.0.2.1'],
    ['00000000', true, '0.0.0.0'],
    ['00FFFFFF', true, '255.255.255.0'],
    ['XYZ', true, null],
  ])('%s (little-endian %s) -> %s', (hex, le, ip) => {
    expect(hexToIpv4(hex, le)).toBe(ip);
  });
});

describe('parseProcNetRoute + defaultGateway', () => {
  it.each([
    ['container capture', ROUTE_CONTAINER, { iface: 'eth0', gateway: '192.0.2.1' }, 2],
    ['Wi-Fi and ppp0: lowest metric wins', ROUTE_WIFI_AND_PPP, { iface: 'ppp0', gateway: '10.0.0.1' }, 3],
    ['no default route', ROUTE_NO_DEFAULT, null, 1],
    ['ppp0 default, point-to-point, no gateway', ROUTE_PPP_ONLY, { iface: 'ppp0', gateway: '0.0.0.0' }, 1],
    ['default route not up', ROUTE_DEFAULT_DOWN, null, 1],
    ['empty file', '', null, 0],
    ['not a route table', 'garbage\nmore garbage\n', null, 0],
    ['a malformed line is skipped', ROUTE_CONTAINER + 'eth1\tzz\n', { iface: 'eth0', gateway: '192.0.2.1' }, 2],
  ])('%s', (_name, text, expected, count) => {
    const routes = parseProcNetRoute(text);
    expect(routes).toHaveLength(count);
    const gw = defaultGateway(routes);
    if (expected === null) expect(gw).toBeNull();
    else expect(gw).toMatchObject(expected);
  });
});

describe('parseResolvConf', () => {
  it.each([
    ['container capture', 'nameserver 10.255.255.53\n', ['10.255.255.53']],
    ['systemd-resolved stub', '# This is /run/systemd/resolve/stub-resolv.conf\nnameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n', ['127.0.0.53']],
    [
      'two servers, IPv6, comments',
      '; comment\nnameserver 114.114.114.114 # China DNS\nnameserver 2400:3200::1\n#nameserver 8.8.8.8\n',
      ['114.114.114.114', '2400:3200::1'],
    ],
    ['no nameserver', 'search example.cn\n', []],
  ])('%s', (_name, text, servers) => {
    expect(parseResolvConf(text)).toEqual(servers);
  });
});

describe('activeInterfaces', () => {
  it('keeps non-loopback interfaces with a routable address', () => {
    const list = {
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
      eth0: [
        { address: '192.0.2.2', family: 'IPv4', internal: false },
        { address: 'fe80::42:c0ff:fe00:202', family: 'IPv6', internal: false },
      ],
      wlan0: [{ address: 'fe80::1', family: 'IPv6', internal: false }],
    };
    expect(activeInterfaces(list)).toEqual([{ name: 'eth0', addresses: ['192.0.2.2'] }]);
  });

  it('is empty when only loopback is up', () => {
    expect(activeInterfaces({ lo: [{ address: '::1', family: 'IPv6', internal: true }] })).toEqual([]);
  });
});
