// A cloud agent's task as its service sees it: the service's own word for its state, what it waits
// for (feedback, a rate limit), and links to its page and its pull request (opened in the browser).
import { Cloud, ExternalLink, GitPullRequest } from 'lucide-react';
import type { Task } from '../../../../shared/model/task';

/** An http(s) link only: anything else a service sends is shown as text, never followed. */
function safeHref(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/**
 * `compact`: inside a task card, which is one button, so words only (no links inside it); the
 * task's own view has the links.
 */
export function CloudState({ task, compact = false }: { task: Task; compact?: boolean }) {
  const cloud = task.cloud;
  if (!cloud) return null;
  const page = compact ? undefined : safeHref(cloud.url);
  const pr = compact ? undefined : safeHref(cloud.pr);
  return (
    <div className={`cloud-state${compact ? ' is-compact' : ''}`} aria-label="At the cloud service">
      <span className="cloud-state-word">
        <Cloud aria-hidden /> {cloud.state}
      </span>
      {cloud.branch && <span className="faint">branch {cloud.branch}</span>}
      {compact && cloud.pr && (
        <span>
          <GitPullRequest aria-hidden /> pull request
        </span>
      )}
      {page && (
        <a href={page} target="_blank" rel="noopener noreferrer">
          <ExternalLink aria-hidden /> Task page
        </a>
      )}
      {pr && (
        <a href={pr} target="_blank" rel="noopener noreferrer">
          <GitPullRequest aria-hidden /> Pull request
        </a>
      )}
      {cloud.message && task.status === 'running' && <p className="cloud-state-message">{cloud.message}</p>}
    </div>
  );
}
