import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/model/errors.js';
import { article, buildSite, cleanup, makeSite, readTree } from '../helpers.js';

const CONFIG = 'title: Anhänge\nbaseUrl: https://example.org/\nsearch: false\n';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function png(colour: string): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: colour } }).png().toBuffer();
}

describe('the same attachment in two places (hostile round II, finding 3)', () => {
  it('publishes equal bytes under one name once: same photo in 2024/ and 2025/, "Foto 1.png" and "foto-1.png", a PDF twice', async () => {
    const photo = await png('#336699');
    const other = await png('#993366');
    const root = makeSite({
      'stadtbote.config.yaml': CONFIG,
      'content/2024/2024-05-01-alt.md': article({ title: 'Alt', date: '2024-05-01' }, '![Foto](foto.png) ![Eins](Foto%201.png) [Antrag](antrag.pdf)'),
      'content/2025/2025-05-01-neu.md': article({ title: 'Neu', date: '2025-05-01' }, '![Foto](foto.png) ![Eins](foto-1.png) [Antrag](antrag.pdf)'),
      'content/2024/foto.png': photo,
      'content/2025/foto.png': photo,
      'content/2024/Foto 1.png': other,
      'content/2025/foto-1.png': other,
      'content/2024/antrag.pdf': PDF,
      'content/2025/antrag.pdf': PDF,
    });
    try {
      await buildSite(root);
      const out = path.join(root, 'dist');
      const media = [...readTree(out).keys()].filter((f) => f.startsWith('medien/'));
      const full = (base: string, ext: string): string[] => media.filter((f) => new RegExp(`^medien/${base}-[a-z0-9]{8}\\.${ext}$`).test(f));
      expect(full('foto', 'png')).toHaveLength(1);
      expect(full('foto-1', 'png')).toHaveLength(1);
      // A download keeps its own name in a folder named by its bytes (content/assets.ts downloadName).
      const antrag = media.filter((f) => /^medien\/[a-z0-9]{8}\/antrag\.pdf$/.test(f));
      expect(antrag).toHaveLength(1);
      expect(readFileSync(path.join(out, antrag[0]!))).toEqual(PDF);
      // Both articles point at the one copy.
      const link = (file: string, re: RegExp): string => re.exec(readFileSync(path.join(out, file), 'utf8'))![1]!;
      for (const re of [/src="(\/medien\/foto-[^"]*)"/, /href="(\/medien\/[a-z0-9]{8}\/antrag\.pdf)"/]) {
        expect(link('2024/05-01-alt/index.html', re)).toBe(link('2025/05-01-neu/index.html', re));
      }
    } finally {
      cleanup(root);
    }
  });

  it('a real clash (different bytes, same published name) names both files, and does not call a PDF an image', async () => {
    const root = makeSite({
      'stadtbote.config.yaml': CONFIG,
      'content/2025/2025-05-01-neu.md': article({ title: 'Neu', date: '2025-05-01' }, '![Foto](foto.png) [Antrag](antrag.pdf)'),
      'content/2025/foto.png': await png('#336699'),
      'content/2025/antrag.pdf': PDF,
    });
    try {
      await buildSite(root);
      const media = [...readTree(path.join(root, 'dist')).keys()].filter((f) => f.startsWith('medien/'));
      const photo = media.find((f) => /^medien\/foto-[a-z0-9]{8}\.png$/.test(f))!;
      const pdf = media.find((f) => f.endsWith('.pdf'))!;
      // The site's static folder holds other files under exactly those names.
      mkdirSync(path.join(root, 'static', path.dirname(pdf)), { recursive: true });
      writeFileSync(path.join(root, 'static', photo), await png('#000000'));
      writeFileSync(path.join(root, 'static', pdf), Buffer.from('%PDF-1.4 anders'));
      const error = await buildSite(root).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContentError);
      const clashes = (error as ContentError).problems.filter((p) => p.ruleId === 'duplicate-url');
      expect(clashes).toHaveLength(2);
      const texts = clashes.map((p) => `${p.file}: ${p.reason}`);
      expect(texts).toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(`content/2025/foto\\.png schreibt /${photo}, und static/${photo} schreibt dieselbe Adresse`)),
          expect.stringMatching(new RegExp(`content/2025/antrag\\.pdf schreibt /${pdf}, und static/${pdf} schreibt dieselbe Adresse`)),
        ]),
      );
      for (const t of texts) expect(t).not.toMatch(/Bild/);
    } finally {
      cleanup(root);
    }
  });
});
