import ipaddr from 'ipaddr.js';

/**
 * What the per-address limits count a client under, from its socket's remote address. An IPv6
 * client counts by its /64: a home line or a Wi-Fi network is given a whole /64, and any device on
 * it can take a fresh address for every connection, so counting single IPv6 addresses would let one
 * participant pass every limit; a /64 is what an IPv4 NAT address is, one network sharing it.
 * An IPv4 address written as IPv6 (`::ffff:192.0.2.1`, as a dual-stack socket reports it) counts as
 * the IPv4 address. Anything unparsable counts as itself.
 */
export function limitKey(address: string | undefined): string {
  if (address === undefined) return 'unknown';
  if (!ipaddr.isValid(address)) return address;
  const ip = ipaddr.process(address);
  if (ip.kind() === 'ipv4') return ip.toString();
  const network = new ipaddr.IPv6([...(ip as ipaddr.IPv6).parts.slice(0, 4), 0, 0, 0, 0]);
  return `${network.toString()}/64`;
}
