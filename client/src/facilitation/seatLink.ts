/**
 * The link that hands a seat to another device: the participant link with the seat's new secret in
 * the fragment (which browsers never send to a server), beside a rotated link's `join` key if any.
 * @example seatLink('https://okr.example/r/abc', 'S') // → 'https://okr.example/r/abc#seat=S'
 */
export function seatLink(participantUrl: string, secret: string): string {
  const [base, fragment = ''] = participantUrl.split('#', 2) as [string, string?];
  const params = new URLSearchParams(fragment);
  params.set('seat', secret);
  return `${base}#${params.toString()}`;
}
