// A child process playing the user's editor for the rewrite-race test: for each job (a JSON line on
// stdin) it saves a note the moment Fieldnotes starts rewriting it, i.e. as soon as Fieldnotes' temp
// file appears beside it, and prints one JSON line saying how and where it wrote.
import { closeSync, ftruncateSync, openSync, readdirSync, readFileSync, renameSync, watch, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

interface Job {
  /** The folder the note is in. */
  dir: string;
  /** The note's id: the writer finds its file by it, wherever a retitle moved it. */
  id: string;
  /** What the editor saves (the note as it opened it, plus the user's edit). */
  content: string;
  /** 'rename': write a new file and rename it over (vim, most editors); 'in-place': truncate and write (VS Code). */
  mode: 'rename' | 'in-place';
}

/** Without a temp file in sight (Fieldnotes was quicker), the editor saves after this long. */
const FALLBACK_MS = 300;

function fileOf(job: Job): string | undefined {
  for (const name of readdirSync(job.dir)) {
    if (name.startsWith('.') || !name.endsWith('.md')) continue;
    if (readFileSync(join(job.dir, name), 'utf8').includes(`\nid: ${job.id}\n`)) return join(job.dir, name);
  }
  return undefined;
}

function save(job: Job): string | undefined {
  const file = fileOf(job);
  if (!file) return undefined;
  if (job.mode === 'rename') {
    const temp = join(job.dir, `.editor-${process.pid}.swp`);
    writeFileSync(temp, job.content);
    renameSync(temp, file);
  } else {
    const fd = openSync(file, 'r+');
    ftruncateSync(fd, 0);
    writeSync(fd, job.content, 0);
    closeSync(fd);
  }
  return file;
}

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const job = JSON.parse(line) as Job;
  await new Promise<void>((resolve) => {
    let done = false;
    const finish = (trigger: 'temp' | 'timer') => {
      if (done) return;
      done = true;
      watcher.close();
      clearTimeout(timer);
      const file = save(job);
      process.stdout.write(JSON.stringify({ trigger, file }) + '\n');
      resolve();
    };
    const watcher = watch(job.dir, (_event, name) => {
      if (name?.endsWith('.fieldnotes-tmp')) finish('temp');
    });
    const timer = setTimeout(() => finish('timer'), FALLBACK_MS);
    process.stdout.write('armed\n');
  });
}
