import { describe, expect, it } from 'vitest';
import { limitKey } from './clientAddress.ts';

describe('limitKey', () => {
  it.each([
    ['an IPv4 address', '192.0.2.7', '192.0.2.7'],
    ['an IPv4 address as a dual-stack socket reports it', '::ffff:192.0.2.7', '192.0.2.7'],
    ['IPv4 loopback', '127.0.0.1', '127.0.0.1'],
    ['an IPv6 address: its /64', '2001:db8:1:2:a:b:c:d', '2001:db8:1:2::/64'],
    ['another address of the same /64', '2001:db8:1:2:ffff:ffff:ffff:1', '2001:db8:1:2::/64'],
    ['the neighbouring /64', '2001:db8:1:3::1', '2001:db8:1:3::/64'],
    ['an IPv6 address written in full, with leading zeros', '2001:0db8:0001:0002:0000:0000:0000:0001', '2001:db8:1:2::/64'],
    ['IPv6 loopback', '::1', '::/64'],
    ['a link-local address with a zone', 'fe80::1%eth0', 'fe80::/64'],
    ['no address (a socket already closed)', undefined, 'unknown'],
    ['something that is not an address', 'not-an-ip', 'not-an-ip'],
  ])('%s', (_, address, key) => {
    expect(limitKey(address)).toBe(key);
  });
});
