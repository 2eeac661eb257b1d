import { describe, expect, it } from 'vitest';
import { pathSegments } from '../../src/dev/static.js';
import { parseOldAddress } from '../../src/content/aliases.js';
import { resolveReference } from '../../src/markdown/resolve.js';
import { guardPath } from '../../src/util/path-guard.js';

describe('guardPath: the one guard for paths from outside', () => {
  it('decodes a path and splits it into segments', () => {
    expect(guardPath('/M%C3%BCnchen/2025/')).toEqual({ ok: true, decoded: '/München/2025/', segments: ['München', '2025'] });
  });

  it.each([
    ['/a\\b', 'backslash'],
    ['/a%5Cb', 'not even encoded as %5C'],
    ['/a\u0007b', 'control characters'],
    ['/a%00b', 'encoded control characters'],
    ['/a%0Ab', 'encoded control characters'],
    ['/a%C2%85b', 'encoded control characters'],
    ['/%E0%A4%A', 'not a valid URL path'],
    ['/a/../b', '"." or ".." segments'],
    ['/a/./b', '"." or ".." segments'],
    ['/%2e%2e/x', '"." or ".." segments'],
  ])('refuses %j (%s)', (raw, reason) => {
    const guarded = guardPath(raw);
    expect(guarded.ok).toBe(false);
    expect(!guarded.ok && guarded.reason).toContain(reason);
  });

  it('allows dot segments only when the caller resolves them', () => {
    expect(guardPath('../2024/x.md', { dotSegments: true })).toMatchObject({ ok: true, decoded: '../2024/x.md' });
    expect(guardPath('../2024/x.md').ok).toBe(false);
  });

  it('absolute: the path must start with a slash', () => {
    expect(guardPath('a/b', { absolute: true })).toEqual({ ok: false, reason: 'must start with "/"' });
  });

  it('strictEncoding: refuses encoded dots, slashes, backslashes and NUL outright', () => {
    for (const raw of ['/a%2Fb', '/a%2eb', '/a%5cb', '/a%00']) expect(guardPath(raw, { strictEncoding: true }).ok).toBe(false);
    expect(guardPath('/a%2Fb').ok).toBe(true);
  });
});

describe('its three users agree', () => {
  const hostile = ['/a\\b', '/a%5Cb', '/a%00b', '/%E0%A4%A', '/x/%2e%2e/%2e%2e/etc/passwd'];

  it('the dev server refuses what the guard refuses', () => {
    for (const raw of hostile) expect([raw, pathSegments(raw)]).toEqual([raw, undefined]);
  });

  it('aliases are refused for the same reasons', () => {
    for (const raw of hostile) {
      const guarded = guardPath(raw, { absolute: true });
      expect(guarded.ok).toBe(false);
      expect(parseOldAddress(raw).ok).toBe(false);
    }
    // An old address may carry the query that identified the old page.
    expect(parseOldAddress('/alt/meldung?id=3').ok).toBe(true);
    expect(parseOldAddress('/alt/meldung-123.html').ok).toBe(true);
  });

  it('references in Markdown: decoded by the guard, bounded by the content folder', () => {
    expect(resolveReference('2025/a.md', '../2024/b%20c.md#teil')).toEqual({ ok: true, rel: '2024/b c.md', fragment: '#teil' });
    expect(resolveReference('2025/a.md', '/bilder/x.jpg')).toEqual({ ok: true, rel: 'bilder/x.jpg', fragment: '' });
    expect(resolveReference('2025/a.md', '../../x.md')).toEqual({ ok: false, reason: 'leads out of the content folder' });
    expect(resolveReference('2025/a.md', 'b%5Cc.jpg')).toEqual({ ok: false, reason: 'must not contain a backslash, not even encoded as %5C' });
    expect(resolveReference('2025/a.md', 'b%00.jpg')).toMatchObject({ ok: false });
  });
});
