import { Command } from 'commander';
import { runImport } from '../commands/import.js';
import { type SiteFlags, addSiteOptions, siteOptions } from './options.js';
import { type Output } from './output.js';

/** `stadtbote import`: bring an existing archive into the content folder. */
export function addImportCommand(program: Command, io: Output): void {
  addSiteOptions(
    program
      .command('import')
      .description('move an existing archive (RSS/Atom feed, WordPress export, Jekyll/Hugo/Eleventy folder) into the content folder')
      .argument('<source>', 'feed or WordPress export file, http(s) URL, or site folder')
      .option('--region <name>', 'region for items whose categories and tags name none')
      .option('--region-map <file>', 'YAML file mapping categories and tags to regions')
      .option('--force', 'overwrite files edited since the last import')
      .option('--dry-run', 'report what would be imported, write nothing'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ stadtbote import export.xml --region-map regionen.yaml --region Potsdam
  $ stadtbote import https://www.landkreis.de/presse/rss.xml --region "Kreis Recklinghausen"
  $ stadtbote import ../alte-website --region Potsdam --dry-run

Running it again changes nothing; files edited since are kept unless --force.
Exit codes: 0 imported, 1 source or mapping errors (nothing written), 2 usage or config errors.`,
    )
    .action(async (source: string, flags: SiteFlags & { region?: string; regionMap?: string; force?: boolean; dryRun?: boolean }) => {
      const { lines } = await runImport({
        ...siteOptions(flags),
        source,
        ...(flags.region !== undefined ? { region: flags.region } : {}),
        ...(flags.regionMap !== undefined ? { regionMap: flags.regionMap } : {}),
        force: !!flags.force,
        dryRun: !!flags.dryRun,
      });
      for (const line of lines) io.out(line);
    });
}
