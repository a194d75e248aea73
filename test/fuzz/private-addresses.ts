/**
 * Arbitraries for the SSRF guard's fuzzing: addresses of this machine and its private networks
 * (loopback, private, link-local, carrier-grade NAT, unspecified), each written every way a URL
 * parser or a resolver accepts (decimal, octal, hex, short forms like 127.1, IPv4-mapped IPv6,
 * full-width digits, percent-encoding, trailing dots, any case), and public ones to check the
 * guard does not refuse those.
 */
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';

/** IPv4 ranges no link from another machine may reach, as [first octets, prefix length]. */
const privateV4: readonly [number[], number][] = [
  [[127], 8],
  [[10], 8],
  [[172, 16], 12],
  [[192, 168], 16],
  [[169, 254], 16],
  [[100, 64], 10],
  [[0], 8],
];

const privateV6 = ['::1', '::', 'fe80::', 'fc00::', 'fd00::', 'fec0::'] as const;

/** A private IPv4 address as a 32-bit number. */
export const privateV4Number = fc.tuple(fc.constantFrom(...privateV4), fc.nat()).map(([[octets, bits], random]) => {
  const base = octets.reduce((n, o, i) => n + o * 2 ** (24 - 8 * i), 0);
  return base + (random % 2 ** (32 - bits));
});

/** A public IPv4 address (ipaddr.js calls it unicast) as a 32-bit number. */
export const publicV4Number = fc
  .integer({ min: 0, max: 2 ** 32 - 1 })
  .filter((n) => ipaddr.fromByteArray(octetsOf(n)).range() === 'unicast');

export function octetsOf(n: number): number[] {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256);
}

const dotted = (n: number) => octetsOf(n).join('.');

/** Each way WHATWG URL (and inet_aton) reads an IPv4 host, as a function of the number and a choice. */
const v4Spellings: ((n: number, upper: boolean) => string)[] = [
  (n) => dotted(n),
  (n) => String(n),
  (n, upper) => `0x${n.toString(16)}`[upper ? 'toUpperCase' : 'toLowerCase'](),
  (n) => `0${n.toString(8)}`,
  (n) =>
    octetsOf(n)
      .map((o) => `0${o.toString(8)}`)
      .join('.'),
  (n, upper) =>
    octetsOf(n)
      .map((o) => (upper ? `0X${o.toString(16).toUpperCase()}` : `0x${o.toString(16)}`))
      .join('.'),
  // Short forms: the last part fills the remaining bytes (127.1 is 127.0.0.1).
  (n) => `${octetsOf(n)[0]}.${n % 2 ** 24}`,
  (n) => `${octetsOf(n)[0]}.${octetsOf(n)[1]}.${n % 2 ** 16}`,
  (n) => `${octetsOf(n)[0]}.0x${(n % 2 ** 24).toString(16)}`,
  (n) => `[::ffff:${dotted(n)}]`,
  (n, upper) => {
    const [a = 0, b = 0, c = 0, d = 0] = octetsOf(n);
    const hex = `[::ffff:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}]`;
    return upper ? hex.toUpperCase() : hex;
  },
  (n) => `[0:0:0:0:0:ffff:${dotted(n)}]`,
];

/**
 * What a user or an attacker may do to a host name without changing the address it names; an
 * IPv6 literal in brackets is read as written, so it is left as it is.
 */
const disguises: ((host: string) => string)[] = [
  (host) => host,
  (host) => `${host}.`,
  (host) => host.replace(/[0-9a-z]/gi, (c) => `%${c.charCodeAt(0).toString(16)}`),
  (host) => host.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  (host) => host.replace(/\./g, '\u3002'),
];
const disguise = (host: string, which: number) => (host.startsWith('[') ? host : disguises[which]!(host));

const v6Spellings: ((address: string, upper: boolean) => string)[] = [
  (address) => `[${address}]`,
  (address, upper) => `[${ipaddr.IPv6.parse(address).toNormalizedString()}]`[upper ? 'toUpperCase' : 'toLowerCase'](),
  (address) =>
    `[${ipaddr.IPv6.parse(address)
      .parts.map((part) => part.toString(16).padStart(4, '0'))
      .join(':')}]`,
];

const localhostNames = fc.oneof(
  fc.constantFrom(
    'localhost',
    'LOCALHOST',
    'LocalHost',
    'localhost.',
    'LOCALHOST.',
    'l%6fcalhost',
    '\uff4c\uff4f\uff43\uff41\uff4c\uff48\uff4f\uff53\uff54',
  ),
  fc
    .tuple(fc.stringMatching(/^[a-z0-9-]{1,12}$/), fc.constantFrom('.localhost', '.LOCALHOST', '.localhost.'))
    .filter(([label]) => !label.startsWith('-') && !label.endsWith('-'))
    .map(([label, tail]) => label + tail),
);

/** A host naming a private address, spelled one of the ways above. */
export const privateHost = fc.oneof(
  fc
    .tuple(privateV4Number, fc.nat(v4Spellings.length - 1), fc.boolean(), fc.nat(disguises.length - 1))
    .map(([n, spelling, upper, which]) => disguise(v4Spellings[spelling]!(n, upper), which)),
  fc
    .tuple(fc.constantFrom(...privateV6), fc.nat(0xffff), fc.nat(v6Spellings.length - 1), fc.boolean())
    .map(([prefix, last, spelling, upper]) => {
      const address = prefix === '::1' || prefix === '::' ? prefix : `${prefix}${last.toString(16)}`;
      return v6Spellings[spelling]!(address, upper);
    }),
  localhostNames,
);

/** A host naming a public address, in the same spellings. */
export const publicHost = fc
  .tuple(publicV4Number, fc.nat(v4Spellings.length - 1), fc.boolean())
  .map(([n, spelling, upper]) => v4Spellings[spelling]!(n, upper));

/** A whole link around a host: scheme, userinfo, port, path, as links arrive. */
export const linkTo = (host: fc.Arbitrary<string>) =>
  fc
    .tuple(
      fc.constantFrom('http://', 'https://', 'HTTP://', 'hTTps://'),
      fc.constantFrom('', 'user:pass@', 'example.com@', 'a%40b@'),
      host,
      fc.constantFrom('', ':80', ':8080', ':443', ':1'),
      fc.constantFrom('/', '/video.mp4', '/a/b?x=1#y', '?q', '#f', ''),
    )
    .map((parts) => parts.join(''));

/** A private address in the form a resolver answers it (what the connect-time guard sees). */
export const resolvedPrivate = fc.oneof(
  privateV4Number.map((n) => ({ address: dotted(n), family: 4 })),
  privateV4Number.map((n) => ({ address: `::ffff:${dotted(n)}`, family: 6 })),
  fc.tuple(fc.constantFrom(...privateV6), fc.nat(0xffff)).map(([prefix, last]) => ({
    address: prefix === '::1' || prefix === '::' ? prefix : `${prefix}${last.toString(16)}`,
    family: 6,
  })),
);
