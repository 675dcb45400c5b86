/**
 * The documentation's relative links and anchors point at files and headings that exist, so a
 * renamed page, a moved file or a reworded heading fails here instead of rotting in the docs.
 * Links inside code (fenced blocks and inline spans) are examples, not links, and are skipped;
 * absolute URLs are not fetched.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

function markdownFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFilesUnder(full);
    return entry.name.endsWith('.md') ? [full] : [];
  });
}

const docs = markdownFilesUnder(path.join(root, 'docs')).sort();
const checked = [path.join(root, 'README.md'), path.join(root, 'CONTRIBUTING.md'), ...docs];

/** The lines outside fenced code blocks (the others blanked, so line numbers hold). */
function unfenced(markdown: string): string[] {
  let fence: string | undefined;
  return markdown.split('\n').map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return '';
    }
    if (marker !== undefined) {
      fence = marker;
      return '';
    }
    return line;
  });
}

/** The text outside code: fenced blocks and inline code spans blanked out (line count kept). */
function prose(markdown: string): string {
  return unfenced(markdown)
    .map((line) => line.replace(/(`+)[\s\S]*?\1/g, ''))
    .join('\n');
}

/** GitHub's heading anchor: the rendered text lowercased, punctuation dropped, spaces as hyphens. */
function slugOf(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .replace(/<[^>]+>/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
}

/** Every anchor a file's headings give, with GitHub's -1, -2 suffixes for repeated headings. */
function anchorsOf(file: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fence: string | undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (marker !== undefined) {
      fence = marker;
      continue;
    }
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = slugOf(heading[1]);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

interface Link {
  file: string;
  line: number;
  target: string;
}

function linksOf(file: string): Link[] {
  const links: Link[] = [];
  prose(readFileSync(file, 'utf8'))
    .split('\n')
    .forEach((text, index) => {
      for (const match of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
        links.push({ file, line: index + 1, target: match[1] });
      }
    });
  return links;
}

/**
 * Repository paths the prose names in inline code (`src/...`, `tests/...`, `samples/...`,
 * `scripts/...`, `docs/...`), relative to the root; placeholders (`<op>`) and globs are skipped.
 */
function repositoryPathsOf(file: string): Link[] {
  const paths: Link[] = [];
  unfenced(readFileSync(file, 'utf8')).forEach((text, index) => {
    for (const match of text.matchAll(/(`+)([\s\S]*?)\1/g)) {
      const code = match[2].trim();
      if (/^(src|tests|samples|scripts|docs)\/[^\s<>*]*$/.test(code))
        paths.push({ file, line: index + 1, target: code });
    }
  });
  return paths;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** What is wrong with a relative link, or undefined when it resolves. */
function problemOf(link: Link): string | undefined {
  const [rawPath, anchor] = link.target.split('#', 2);
  const targetFile = rawPath === '' ? link.file : path.resolve(path.dirname(link.file), decodeURIComponent(rawPath));
  if (!existsSync(targetFile)) return `${path.relative(root, targetFile)} does not exist`;
  if (anchor === undefined || anchor === '') return undefined;
  if (statSync(targetFile).isDirectory() || !targetFile.endsWith('.md'))
    return `#${anchor} points into ${path.relative(root, targetFile)}, which is not a Markdown file`;
  const anchors = anchorsOf(targetFile);
  if (anchors.has(decodeURIComponent(anchor).toLowerCase())) return undefined;
  return `${path.relative(root, targetFile)} has no heading #${anchor} (it has: ${[...anchors].join(', ')})`;
}

describe('documentation links', () => {
  it('finds the documents and their links (the check below is not vacuous)', () => {
    for (const file of checked) expect(existsSync(file)).toBe(true);
    expect(docs.length).toBeGreaterThanOrEqual(10);
    const relative = checked.flatMap(linksOf).filter((l) => !isExternal(l.target));
    expect(relative.length).toBeGreaterThan(50);
    expect(relative.some((l) => l.target.includes('#'))).toBe(true);
  });

  it.each(checked.map((file) => [path.relative(root, file), file] as const))(
    '%s: every relative link and anchor resolves',
    (_name, file) => {
      const broken = linksOf(file)
        .filter((link) => !isExternal(link.target))
        .map((link) => ({ link, problem: problemOf(link) }))
        .filter((r) => r.problem !== undefined)
        .map(({ link, problem }) => `${path.relative(root, link.file)}:${link.line}: (${link.target}) ${problem}`);
      expect(broken).toEqual([]);
    },
  );

  it('names only repository paths that exist', () => {
    const named = checked.flatMap(repositoryPathsOf);
    expect(named.length).toBeGreaterThan(20);
    const missing = named
      .filter((p) => !existsSync(path.join(root, p.target)))
      .map((p) => `${path.relative(root, p.file)}:${p.line}: ${p.target} does not exist`);
    expect(missing).toEqual([]);
  });

  it('reaches every page of docs/ from docs/README.md', () => {
    const index = path.join(root, 'docs', 'README.md');
    const linked = new Set(linksOf(index).map((l) => path.resolve(path.dirname(index), l.target.split('#')[0])));
    const orphans = docs.filter((file) => file !== index && !linked.has(file)).map((file) => path.relative(root, file));
    expect(orphans).toEqual([]);
  });

  it('computes anchors as GitHub does', () => {
    expect(slugOf("One breaker per table: `scope: 'table'`")).toBe('one-breaker-per-table-scope-table');
    expect(slugOf('Testing your repositories with `dkmio/testing`')).toBe(
      'testing-your-repositories-with-dkmiotesting',
    );
    expect(slugOf('Optimistic locking: `@Version()`')).toBe('optimistic-locking-version');
    expect(slugOf('404 on writes: `mustExist`')).toBe('404-on-writes-mustexist');
    expect(slugOf('Keys, items, updates, results')).toBe('keys-items-updates-results');
    expect(slugOf('`__proto__`')).toBe('__proto__');
  });
});
