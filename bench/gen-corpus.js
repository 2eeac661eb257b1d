#!/usr/bin/env node
// Deterministic synthetic archive for benchmarks: N articles of municipal news in German-like text,
// about 1.5 KB each, with headings, lists, quotes, links and some tables, in content/<year>/.
// usage: node bench/gen-corpus.js N OUTDIR [--seed S]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

export function generateCorpus(n, outDir, seed = 20261127) {
  let s = seed >>> 0 || 1;
  const rnd = () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 2 ** 32;
  };
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const regions = ['Potsdam', 'München', 'Sachsen', 'Bayern', 'Brandenburg', 'Hamburg', 'Wolfsburg', 'Saarland', 'Hessen', 'Bremen', 'Berlin', 'Köln', 'Kreis Recklinghausen', 'Mecklenburg-Vorpommern', 'Baden-Württemberg', 'Nordrhein-Westfalen', 'Niedersachsen', 'Thüringen', 'Sachsen-Anhalt', 'Schleswig-Holstein', 'Rheinland-Pfalz', 'Stuttgart', 'Dresden', 'Leipzig', 'Frankfurt am Main', 'Düsseldorf', 'Bonn', 'Ulm', 'Freiburg im Breisgau', 'Heidelberg'];
  const nouns = 'Digitalisierung Verwaltung Kommune Bürgerservice Rathaus Strategie Plattform Onlinedienst Breitband Schulen Mobilität Stadtrat Landkreis Förderprogramm Projekt Umsetzung Zusammenarbeit Datenportal Cloud Informationssicherheit Bürgerportal Antragsverfahren E-Akte Registermodernisierung Chatbot Verkehrsdaten Glasfaser Stadtwerke Ministerium Modellregion Fachverfahren Schnittstelle Barrierefreiheit'.split(' ');
  const verbs = 'startet plant erweitert beschließt testet vereinfacht bündelt fördert modernisiert eröffnet'.split(' ');
  const fill = 'und der die das mit für im auf von zu bei nach über sowie auch neue weitere digitale kommunale'.split(' ');
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(rnd() * 12) }, () => (rnd() < 0.5 ? pick(nouns) : pick(fill)));
    words.splice(1, 0, pick(verbs));
    const t = words.join(' ');
    return t[0].toUpperCase() + t.slice(1) + '.';
  };
  const paragraph = () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, sentence).join(' ');
  const slugify = (t) => t.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const start = Date.UTC(2012, 0, 1);
  const span = Date.UTC(2025, 11, 31) - start;
  const files = [];
  const seen = new Set();
  for (let i = 0; i < n; i++) {
    const region = pick(regions);
    const date = new Date(start + Math.floor(rnd() * span)).toISOString().slice(0, 10);
    // Titles repeat across days, as in real archives, but never on the same day (that would be one URL).
    let title = `${pick(nouns)}: ${region} ${pick(verbs)} ${pick(nouns)}`;
    while (seen.has(date + title)) title += ` ${pick(nouns)}`;
    seen.add(date + title);
    const body = [paragraph(), '', `## ${pick(nouns)} ${pick(fill)} ${pick(nouns)}`, '', paragraph()];
    if (rnd() < 0.4) body.push('', ...Array.from({ length: 3 }, () => `- ${pick(nouns)} ${pick(fill)} **${pick(nouns)}**`));
    if (rnd() < 0.3) body.push('', `> ${sentence()}`);
    body.push('', `${paragraph()} Mehr auf [der Seite der Kommune](https://www.example.org/${slugify(region)}/${i}) und *${pick(nouns)}*.`);
    if (rnd() < 0.1) body.push('', '| Jahr | Dienste |', '| --- | --- |', `| 2024 | ${Math.floor(rnd() * 500)} |`, `| 2025 | ${Math.floor(rnd() * 700)} |`);
    const frontmatter = ['---', `title: ${JSON.stringify(title)}`, `date: ${date}`, `region: ${JSON.stringify(region)}`, `teaser: ${JSON.stringify(sentence() + ' ' + sentence())}`, '---', ''];
    const dir = path.join(outDir, date.slice(0, 4));
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${date}-${slugify(title)}-${i}.md`);
    writeFileSync(file, frontmatter.join('\n') + body.join('\n') + '\n');
    files.push(file);
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { seed: { type: 'string', default: '20261127' } } });
  const [n, out] = positionals;
  if (!n || !out) {
    console.error('usage: node bench/gen-corpus.js N OUTDIR [--seed S]');
    process.exit(2);
  }
  generateCorpus(Number(n), out, Number(values.seed));
}
