import type { ResolvedSite } from '../config/config.js';
import { articleFileText, pageFileText, type ArticleFields } from '../content/source-text.js';
import type { ImportMessages } from '../i18n/import.js';
import { UrlScheme, withBasePath } from '../model/urls.js';
import type { SiteDate } from '../util/dates.js';
import { slugify } from '../util/slug.js';
import { toMarkdown } from './convert.js';
import { pageAddress, rewriteLinks, type AddressIndex } from './links.js';
import type { Manifest } from './manifest.js';
import type { MediaContext, MediaStager } from './media.js';
import { fillMissingAlt, stageMedia } from './media-refs.js';
import type { PlacedItem } from './place.js';
import type { SourceArchive } from './types.js';

export interface ComposeContext {
  readonly archive: SourceArchive;
  readonly index: AddressIndex;
  readonly stager: MediaStager;
  readonly manifest: Manifest;
  readonly site: ResolvedSite;
  /** Aliases given to earlier items: an old address redirects to one article only. */
  readonly seenAliases: Set<string>;
  readonly t: ImportMessages;
}

export interface ComposedItem {
  /** The article or page file as it is written. */
  readonly text: string;
  readonly aliases: string[];
  readonly notes: string[];
  /** Content-relative media files the item uses. */
  readonly media: string[];
}

/** One placed item as its file: links rewritten, media staged, frontmatter and Markdown body. */
export async function composeItem(p: PlacedItem, ctx: ComposeContext): Promise<ComposedItem> {
  const { archive, t } = ctx;
  const notes = [...p.log.notes];
  const links = rewriteLinks(p.tree, p.file, pageAddress(p.item.oldUrl, archive.siteUrl), ctx.index);
  for (const href of links.unlinked) notes.push(t.linkToUnpublished(href));
  const media: MediaContext = { ...(p.item.mediaBase ? { base: p.item.mediaBase } : {}), ...(archive.siteUrl ? { siteUrl: archive.siteUrl } : {}), ...(archive.siteFolder ? { siteFolder: archive.siteFolder } : {}) };
  const { image, files } = await stageMedia(p, media, ctx.stager, ctx.manifest, notes, t);
  fillMissingAlt(p, notes, t);
  const body = toMarkdown(p.tree);
  if (p.item.kind === 'page') {
    for (const alias of p.aliases) notes.push(t.pageAliasDropped(alias));
    return { text: pageFileText({ title: p.title, ...(p.teaser !== p.title ? { description: p.teaser } : {}) }, body), aliases: [], notes, media: files };
  }
  const ownUrl = withBasePath(ctx.site.basePath, new UrlScheme(ctx.site.strings).article({ date: { day: p.date.day } as SiteDate, slug: p.slug }));
  // The old address of a Stadtbote site's own article is its new address: nothing to redirect.
  const aliases = p.aliases.filter((a) => a !== ownUrl && !ctx.seenAliases.has(a));
  for (const a of aliases) ctx.seenAliases.add(a);
  const fields: ArticleFields = {
    title: p.title,
    date: p.date.frontmatter,
    region: p.region,
    teaser: p.teaser,
    // Written only when the URL would otherwise differ: WordPress's own slug, or a `-2` for a twin.
    ...(p.slug !== (slugify(p.title) || 'meldung') ? { slug: p.slug } : {}),
    ...(image ? { image } : {}),
    ...(p.item.draft ? { draft: true } : {}),
    ...(aliases.length > 0 ? { aliases } : {}),
  };
  return { text: articleFileText(fields, body), aliases, notes, media: files };
}
