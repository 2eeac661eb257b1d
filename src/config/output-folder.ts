import { realpathSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../model/errors.js';
import { rulesIn } from '../model/messages.js';
import { isInside } from '../util/files.js';
import type { SitePaths } from './paths.js';

/** A path with symbolic links resolved as far as it exists, so that two spellings of one folder compare equal. */
function realPath(p: string): string {
  const missing: string[] = [];
  let at = p;
  for (;;) {
    try {
      return path.join(realpathSync(at), ...missing.reverse());
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return p;
      missing.push(path.basename(at));
      at = parent;
    }
  }
}

/**
 * Every build replaces the output folder as a whole. An output folder that is the site itself, or
 * holds or sits inside its sources, would be replaced with them: refuse before anything is touched.
 */
export function checkOutputFolder(paths: SitePaths, outOption: string | undefined, language: string): void {
  const out = realPath(paths.out);
  const given = outOption ?? path.relative(paths.root, paths.out);
  type Named = { de: string; en: string };
  const guarded: [Named, string][] = [
    [{ de: 'Ordner der Seite', en: 'the site folder' }, paths.root],
    [{ de: 'Inhaltsordner', en: 'the content folder' }, paths.content],
    [{ de: 'Vorlagenordner', en: 'the templates folder' }, paths.templates],
    [{ de: 'Ordner static/', en: 'the static folder' }, paths.static],
    [{ de: 'Zwischenspeicher', en: 'the build cache' }, paths.cache],
    ...(paths.configFile ? ([[{ de: 'Konfigurationsdatei', en: 'the config file' }, paths.configFile]] as [Named, string][]) : []),
  ];
  for (const [what, where] of guarded) {
    const real = realPath(where);
    // The output may live inside the site folder (dist/), never the other way round.
    if (isInside(out, real) || (where !== paths.root && isInside(real, out))) {
      throw new ConfigError([
        {
          file: given,
          ruleId: 'output-overlaps-site',
          ...rulesIn(language)['output-overlaps-site'].overlaps({ out: given, inside: isInside(real, out) && real !== out ? 'yes' : 'no', what: what[language === 'en' ? 'en' : 'de'], where }),
          severity: 'error',
        },
      ]);
    }
  }
}
