// Said before asking a cloud agent: the question and the code leave this machine, to which service,
// and what the agent will see — the GitHub repository's branch as pushed, not this working tree.
import { CloudUpload } from 'lucide-react';
import type { AgentInfo, RepoInfo } from '../../../../shared/contract/tasks';
import { CodeSpans } from '../../components/CodeSpans';

interface CloudNoticeProps {
  /** The agents chosen; the notice speaks of the cloud ones among them. */
  agents: AgentInfo[];
  /** The codebase as last read (branch, remote, dirty), when known. */
  repo: RepoInfo | undefined;
}

/** `owner/name` of a github.com remote, or undefined. */
function githubName(remote: string | undefined): string | undefined {
  const match = remote ? /github\.com[:/]([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(remote) : null;
  return match ? `${match[1]}/${match[2]}` : undefined;
}

export function CloudNotice({ agents, repo }: CloudNoticeProps) {
  const cloud = agents.filter((agent) => agent.cloud);
  if (cloud.length === 0) return null;
  const services = cloud.map((agent) => agent.cloud!.service).join(' and ');
  const github = githubName(repo?.remote);
  let sees: string;
  if (!repo) sees = 'They work on a GitHub repository: choose the codebase (a clone of it).';
  else if (!github) sees = `They work on a GitHub repository, and ${repo.name} has no \`origin\` remote on github.com: push it there first.`;
  else if (!repo.branch) sees = `${repo.name} is on a detached HEAD: check out a branch and push it.`;
  else sees = `They see \`${github}\`, branch \`${repo.branch}\`, as pushed to GitHub${repo.dirty ? ' — not the uncommitted changes here' : ''}; an unpushed commit is refused.`;
  return (
    <div className="cloud-notice" role="note" aria-label="This question leaves the machine">
      <CloudUpload aria-hidden />
      <div>
        <strong>The question and the code leave this machine</strong>, to {services}.{' '}
        <CodeSpans text={sees} /> The task runs there for minutes to hours; Fieldnotes follows it and brings the result back as a note.
      </div>
    </div>
  );
}
