// The user guides hold together: every link and image resolves, every screenshot a guide shows is
// one the screenshot script takes (or a pending one, for screens still being built), the committed
// images are exactly the script's, every task page exists in French and English, and the in-app
// help maps routes to pages that exist.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GUIDE_PAGES, ROUTE_TOPICS, topicFor } from '../../apps/web/src/features/help/topics';
import { label } from './labels';
import { markdownFiles, parsePage, root } from './markdown';
import { SHOTS, shotFiles } from './shots';

const LANGUAGES = ['fr', 'en'] as const;
const pages = [...markdownFiles('docs/guide'), 'docs/glossary.md'].map(parsePage);
const produced = new Map(shotFiles().map((s) => [s.file, s.pending]));

/** The repository path a relative link of `page` points to (without its #fragment). */
function target(page: string, href: string): string {
  return normalize(join(dirname(page), decodeURIComponent(href.split('#')[0] ?? '')));
}

describe('user guides', () => {
  it('have every task page in French and English, and no page outside the list', () => {
    for (const language of LANGUAGES) {
      const files = readdirSync(join(root, 'docs/guide', language)).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, ''));
      expect(files.sort(), language).toEqual([...GUIDE_PAGES].sort());
    }
  });

  it('link only to files that exist', () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const href of page.links) {
        if (/^(https?:|mailto:)/.test(href) || href.startsWith('#')) continue;
        if (!existsSync(join(root, target(page.path, href)))) broken.push(`${page.path} → ${href}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('show only screenshots the script takes, in their own language, present unless pending', () => {
    const problems: string[] = [];
    for (const page of pages) {
      for (const src of page.images) {
        const path = target(page.path, src);
        const match = /^docs\/guide\/img\/(fr|en)\/([^/]+\.png)$/.exec(path);
        if (!match) {
          problems.push(`${page.path}: ${src} is not a guide screenshot`);
          continue;
        }
        const [, language, file] = match;
        if (!page.path.startsWith(`docs/guide/${language}/`)) problems.push(`${page.path}: ${src} is another language's screenshot`);
        const pending = produced.get(file ?? '');
        if (pending === undefined) problems.push(`${page.path}: ${src} is not produced by tools/docs/shots.ts`);
        else if (!pending && !existsSync(join(root, path))) problems.push(`${page.path}: ${src} was not generated (npm run docs:screenshots)`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('use every screenshot of the script in both languages', () => {
    for (const language of LANGUAGES) {
      const shown = new Set(pages.filter((p) => p.path.startsWith(`docs/guide/${language}/`)).flatMap((p) => p.images.map((src) => src.split('/').pop())));
      expect([...produced.keys()].filter((file) => !shown.has(file)), language).toEqual([]);
    }
  });

  it('commit exactly the images of the script (none missing, none stale) within the size budget', () => {
    let bytes = 0;
    for (const language of LANGUAGES) {
      const folder = join(root, 'docs/guide/img', language);
      const committed = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.png')) : [];
      for (const file of committed) bytes += statSync(join(folder, file)).size;
      const expected = [...produced].filter(([, pending]) => !pending).map(([file]) => file);
      expect(expected.filter((f) => !committed.includes(f)), `${language}: missing`).toEqual([]);
      expect(committed.filter((f) => !produced.has(f)), `${language}: not produced by the script`).toEqual([]);
    }
    expect(bytes).toBeLessThan(15 * 1024 * 1024);
  });

  it('name their buttons by i18n keys that exist in both languages', () => {
    for (const task of SHOTS) {
      for (const shot of task.shots) {
        for (const action of shot.actions) {
          const key = 'click' in action ? action.click.key : 'fill' in action ? action.fill.key : 'waitText' in action ? action.waitText : 'waitGone' in action ? action.waitGone : undefined;
          if (key) for (const language of LANGUAGES) expect(label(language, key), `${task.task}-${shot.step} ${key}`).not.toBe('');
          if ('upload' in action) expect(existsSync(join(root, action.upload)), action.upload).toBe(true);
        }
      }
    }
  });

  it('are numbered steps with a screenshot list whose steps are unique per task', () => {
    for (const task of SHOTS) {
      expect(GUIDE_PAGES as readonly string[], task.task).toContain(task.task);
      const steps = task.shots.map((s) => s.step);
      expect(new Set(steps).size, task.task).toBe(steps.length);
    }
  });
});

describe('in-app help', () => {
  it('opens the matching task for the main screens', () => {
    expect(topicFor('/')).toBe('start');
    expect(topicFor('/protection/people/new')).toBe('register-person');
    expect(topicFor('/protection/referrals')).toBe('refer');
    expect(topicFor('/returns/movements/0192f0d2-aaaa-7bbb-8ccc-000000000001')).toBe('movement');
    expect(topicFor('/reintegration/cases/0192f0d2-aaaa-7bbb-8ccc-000000000001/rss')).toBe('rss');
    expect(topicFor('/reintegration/cases/0192f0d2-aaaa-7bbb-8ccc-000000000001')).toBe('reintegration-plan');
    expect(topicFor('/flows/open-data')).toBe('open-data');
    expect(topicFor('/flows/counts')).toBe('flow-import');
    expect(topicFor('/results/periods')).toBe('quarter-signoff');
    expect(topicFor('/results')).toBe('indicators');
    expect(topicFor('/admin/users/new')).toBe('users-roles');
    expect(topicFor('/unknown/screen')).toBe('index');
    // A prefix matches whole segments only.
    expect(topicFor('/returnsx')).toBe('index');
  });

  it('maps routes to guide pages that exist in both languages', () => {
    for (const [, page] of ROUTE_TOPICS) for (const language of LANGUAGES) expect(existsSync(join(root, 'docs/guide', language, `${page}.md`)), `${language}/${page}`).toBe(true);
  });
});
