// The guides and their screenshots as Vite assets. The Markdown pages load one by one when opened
// (each is its own small chunk); the screenshots are copied into the build with hashed names and
// only their URLs are bundled here. This module is reached only from the lazily loaded help pages.
import { GLOSSARY, type HelpLanguage, type HelpTopic } from './topics';

const pages = import.meta.glob<string>('../../../../../docs/guide/{fr,en}/*.md', { query: '?raw', import: 'default' });
const glossary = import.meta.glob<string>('../../../../../docs/glossary.md', { query: '?raw', import: 'default' });
const images = import.meta.glob<string>('../../../../../docs/guide/img/**/*.png', { query: '?url', import: 'default', eager: true });

const DOCS_PREFIX = '../../../../../docs/';

/** Loads the Markdown of a help topic; undefined when there is no such page. */
export async function loadGuide(language: HelpLanguage, topic: HelpTopic): Promise<string | undefined> {
  const loader = topic === GLOSSARY ? glossary[`${DOCS_PREFIX}glossary.md`] : pages[`${DOCS_PREFIX}guide/${language}/${topic}.md`];
  return loader ? loader() : undefined;
}

/** The built URL of a screenshot by its path under docs/ (undefined if it was not generated). */
export function guideImageUrl(docsPath: string): string | undefined {
  return images[`${DOCS_PREFIX}${docsPath}`];
}
