// Reads the documentation's Markdown the way a renderer does (markdown-it's parser), so the tests
// see exactly the links, images and code blocks a reader sees.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import MarkdownIt from 'markdown-it';

export const root = new URL('../..', import.meta.url).pathname;
const md = new MarkdownIt({ html: false });

export interface ParsedPage {
  /** Path from the repository root. */
  path: string;
  links: string[];
  images: string[];
  /** Fenced code blocks: their info string (language) and text. */
  fences: { info: string; content: string }[];
}

/** Every Markdown file below a folder (path from the repository root), sorted. */
export function markdownFiles(folder: string): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.md')) found.push(path);
    }
  };
  visit(folder);
  return found.sort();
}

/** Parses one Markdown file into its links, images and fenced blocks. */
export function parsePage(path: string): ParsedPage {
  const tokens = md.parse(readFileSync(join(root, path), 'utf8'), {});
  const page: ParsedPage = { path: relative(root, join(root, path)), links: [], images: [], fences: [] };
  for (const token of tokens) {
    if (token.type === 'fence') page.fences.push({ info: token.info.trim(), content: token.content });
    for (const child of token.children ?? []) {
      if (child.type === 'link_open') page.links.push(String(child.attrGet('href') ?? ''));
      if (child.type === 'image') page.images.push(String(child.attrGet('src') ?? ''));
    }
  }
  return page;
}
