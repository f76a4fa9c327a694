// Reads one note file's text into a summary, its frontmatter and its body, never throwing:
// whatever is wrong with the file becomes the summary's `problem`.
import { createHash } from 'node:crypto';
import matter from 'gray-matter';
import type { z } from 'zod';
import { Frontmatter, type Note, type NoteProblem, type NoteSummary } from '../../../shared/model/note';
import { excerptOf } from './excerpt';

export { excerptOf } from './excerpt';

/** A stable id for a file that has none of its own, derived from its path in the notebook. */
export function pathId(relPath: string): string {
  return 'path-' + createHash('sha256').update(relPath).digest('hex').slice(0, 20);
}

export function parseNoteFile(relPath: string, text: string, modified: Date): Note {
  const fallbackTitle = titleFromPath(relPath);
  let data: Record<string, unknown>;
  let body: string;
  try {
    // Passing options (even empty) keeps gray-matter from caching every string it ever parsed.
    const parsed = matter(text, {});
    data = parsed.data as Record<string, unknown>;
    body = parsed.content;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return problemNote(relPath, text, modified, { code: 'BAD_YAML', message: `The frontmatter is not valid YAML: ${reason}` });
  }

  const hasFrontmatter = Object.keys(data).length > 0;
  if (!hasFrontmatter) {
    return {
      summary: {
        id: pathId(relPath),
        path: relPath,
        title: firstHeading(body) ?? fallbackTitle,
        mode: 'explain',
        status: 'done',
        created: modified.toISOString(),
        tags: [],
        excerpt: excerptOf(body),
        imported: true,
      },
      frontmatter: null,
      body,
    };
  }

  const result = Frontmatter.safeParse(data);
  if (!result.success) {
    const id = typeof data.id === 'string' && data.id.length > 0 ? data.id : pathId(relPath);
    const title = typeof data.title === 'string' && data.title.trim() ? data.title : (firstHeading(body) ?? fallbackTitle);
    return {
      summary: {
        id,
        path: relPath,
        title,
        mode: 'explain',
        status: 'done',
        created: modified.toISOString(),
        tags: [],
        excerpt: excerptOf(body),
        problem: { code: 'BAD_FRONTMATTER', message: describeIssues(result.error) },
      },
      frontmatter: null,
      body,
    };
  }

  const fm = result.data;
  const summary: NoteSummary = {
    id: fm.id,
    path: relPath,
    title: fm.title.trim() || firstHeading(body) || fallbackTitle,
    repo: fm.repo?.name,
    commit: fm.repo?.commit,
    agent: fm.agent?.id,
    model: fm.agent?.model,
    mode: fm.mode,
    status: fm.status,
    created: fm.created,
    tags: fm.tags,
    excerpt: excerptOf(body),
  };
  return { summary, frontmatter: fm, body };
}

function problemNote(relPath: string, text: string, modified: Date, problem: NoteProblem): Note {
  return {
    summary: {
      id: pathId(relPath),
      path: relPath,
      title: titleFromPath(relPath),
      mode: 'explain',
      status: 'done',
      created: modified.toISOString(),
      tags: [],
      excerpt: '',
      problem,
    },
    frontmatter: null,
    body: text,
  };
}

function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'frontmatter';
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `The frontmatter has wrong fields — ${parts.join('; ')}${more}.`;
}

function titleFromPath(relPath: string): string {
  const base = relPath.split('/').pop() ?? relPath;
  return base.replace(/\.md$/i, '').replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/[-_]+/g, ' ').trim() || base;
}

function firstHeading(body: string): string | undefined {
  const match = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(body);
  return match?.[1]?.trim() || undefined;
}
