import { describe, expect, it } from 'vitest';
import { openableLink } from './openableLink.ts';

describe('openableLink', () => {
  it.each([
    ['https://wiki.example.com/strategy', { href: 'https://wiki.example.com/strategy', label: 'wiki.example.com' }],
    ['HTTP://Wiki.Example.com', { href: 'http://wiki.example.com/', label: 'wiki.example.com' }],
    ['mailto:ana@example.com', { href: 'mailto:ana@example.com', label: 'ana@example.com' }],
    ['javascript://wiki.example.com/%0aalert(1)', null],
    [' JavaScript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['vbscript:msgbox(1)', null],
    ['file:///etc/passwd', null],
    ['not a url', null],
  ])('%s', (link, expected) => {
    expect(openableLink(link)).toEqual(expected);
  });
});
