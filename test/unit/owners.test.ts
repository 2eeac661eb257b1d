import { describe, expect, it } from 'vitest';
import { aliasOwner, isGeneratorOwner, owner, ownerWords } from '../../src/i18n/owners.js';

describe('owners of generated files', () => {
  it('says every generator in German on a German site and leaves English ids for English sites', () => {
    expect(ownerWords(owner('searchPage'), 'de')).toBe('die Suchseite');
    expect(ownerWords(owner('siteFeeds'), 'de')).toBe('die Feeds der Website');
    expect(ownerWords(owner('webEditor'), 'de')).toBe('der Web-Editor (cms)');
    expect(ownerWords(owner('regionFeeds', 'Kreis Recklinghausen'), 'de')).toBe('die Feeds der Region Kreis Recklinghausen');
    expect(ownerWords(owner('configAsset', 'brand.css'), 'de')).toBe('die Konfiguration (assets/brand.css)');
    expect(ownerWords(owner('webEditorFile', 'decap-cms.js'), 'de')).toBe('der Web-Editor (decap-cms.js)');
    expect(ownerWords(aliasOwner('content/2025/a.md', '/alt/'), 'de')).toBe('content/2025/a.md (alte Adresse /alt/)');
    expect(ownerWords(owner('sitemap'), 'en')).toBe('the sitemap');
  });

  it('tells generators from files of the site, whose paths stay as they are', () => {
    for (const id of [owner('searchIndex'), owner('generatedPage', '/2025/'), owner('topicFeeds', 'Verkehr')]) expect(isGeneratorOwner(id), id).toBe(true);
    for (const file of ['content/2025/a.md', 'static/theme.css', 'templates/assets/stadtbote.css']) {
      expect(isGeneratorOwner(file), file).toBe(false);
      expect(ownerWords(file, 'de')).toBe(file);
    }
  });
});
