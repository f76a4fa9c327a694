// A child process for the atomicity test: rewrites the notes of a notebook (bodies, tags, titles)
// as fast as it can, printing one line per finished write, until it is killed.
import { Notebook } from '../../electron/core/notebook/notebook';

const root = process.argv[2]!;
const notebook = await Notebook.open(root, { watch: false, log: () => undefined });
const ids = notebook.list().map((note) => note.id);
let round = 0;
for (;;) {
  round += 1;
  await Promise.all(
    ids.map(async (id, index) => {
      const kind = (round + index) % 3;
      if (kind === 0) await notebook.update(id, { body: `round ${round}\n` + 'x'.repeat(((round * 7919 + index * 104729) % 60_000) + 1) + '\n' });
      else if (kind === 1) await notebook.setTags(id, [`round-${round}`, `note-${index}`]);
      else await notebook.retitle(id, `Note ${index} (title ${round % 4})`);
      process.stdout.write(`${id}\n`);
    }),
  );
}
