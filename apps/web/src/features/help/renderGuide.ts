// Turns a guide page's Markdown into HTML for the help screen. Raw HTML in the Markdown is escaped
// (markdown-it with `html: false`) and its link validator refuses script-bearing URLs, so the output
// holds only the elements Markdown itself produces. Links between guide pages become in-app help
// addresses and screenshot paths become the built images' URLs.
import MarkdownIt from 'markdown-it';
import { asTopic, GLOSSARY, HELP_LANGUAGES, helpPath, type HelpLanguage, type HelpTopic } from './topics';

export interface RenderContext {
  /** The language the page is read in (links to the glossary keep it). */
  language: HelpLanguage;
  /** The page being rendered: its location decides what relative links point to. */
  topic: HelpTopic;
  /** The served URL of an image, by its path under docs/ (e.g. `guide/img/fr/start-1.png`). */
  imageUrl: (docsPath: string) => string | undefined;
}

// A fixed base only to resolve relative links with the URL parser; it never leaves this module.
const BASE = 'https://docs.invalid/';

/** Where a page lives under docs/, as a URL to resolve its relative links against. */
function pageLocation(context: RenderContext): string {
  return context.topic === GLOSSARY ? `${BASE}glossary.md` : `${BASE}guide/${context.language}/${context.topic}.md`;
}

/** What a Markdown link target becomes in the app: an in-app help path, an external URL, or nothing. */
export function resolveLink(href: string, context: RenderContext): { kind: 'help' | 'external'; href: string } | undefined {
  if (/^(https?:|mailto:)/i.test(href)) return { kind: 'external', href };
  let url: URL;
  try {
    url = new URL(href, pageLocation(context));
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(BASE).origin) return undefined;
  if (url.pathname === '/glossary.md') return { kind: 'help', href: helpPath(context.language, GLOSSARY) };
  const page = /^\/guide\/([a-z]+)\/([a-z-]+)\.md$/.exec(url.pathname);
  const language = HELP_LANGUAGES.find((l) => l === page?.[1]);
  const topic = asTopic(page?.[2]);
  if (language && topic) return { kind: 'help', href: helpPath(language, topic) };
  return undefined;
}

/** The path under docs/ of an image referenced from the page, or undefined if it leaves docs/. */
export function imagePath(src: string, context: RenderContext): string | undefined {
  try {
    const url = new URL(src, pageLocation(context));
    return url.origin === new URL(BASE).origin ? decodeURIComponent(url.pathname.slice(1)) : undefined;
  } catch {
    return undefined;
  }
}

/** Renders a guide page to HTML safe to insert (see the file comment). */
export function renderGuide(markdown: string, context: RenderContext): string {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const dropped = new WeakSet<object>();

  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    const token = tokens[idx];
    if (!token) return '';
    const target = resolveLink(String(token.attrGet('href') ?? ''), context);
    if (!target) {
      // A link with no in-app equivalent (a repository file): keep its text, drop the link.
      dropped.add(token);
      return '';
    }
    token.attrSet('href', target.href);
    if (target.kind === 'external') {
      token.attrSet('target', '_blank');
      token.attrSet('rel', 'noopener noreferrer');
    } else {
      token.attrSet('data-help-link', 'true');
    }
    return self.renderToken(tokens, idx, options);
  };
  md.renderer.rules.link_close = (tokens, idx, options, _env, self) => {
    // The matching opener is the nearest earlier link_open at the same nesting level.
    for (let i = idx - 1; i >= 0; i -= 1) {
      const open = tokens[i];
      if (open?.type === 'link_open' && open.level === tokens[idx]?.level) return dropped.has(open) ? '' : self.renderToken(tokens, idx, options);
    }
    return self.renderToken(tokens, idx, options);
  };
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (!token) return '';
    const path = imagePath(String(token.attrGet('src') ?? ''), context);
    const url = path ? context.imageUrl(path) : undefined;
    // A screenshot not taken yet (a screen still being built) is left out rather than broken.
    if (!url) return '';
    token.attrSet('src', url);
    token.attrSet('alt', self.renderInlineAsText(token.children ?? [], options, env));
    token.attrSet('loading', 'lazy');
    return self.renderToken(tokens, idx, options);
  };
  return md.render(markdown);
}
