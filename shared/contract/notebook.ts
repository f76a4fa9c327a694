// notebook.*: which folder of notes the engine works on, and the recently opened ones.
import { z } from 'zod';
import { method } from './method';
import { NotebookInfo } from './app';

export const RecentNotebook = NotebookInfo.extend({
  openedAt: z.string(),
  /** False when the folder is missing now (an unplugged drive, a renamed folder). */
  available: z.boolean(),
});
export type RecentNotebook = z.infer<typeof RecentNotebook>;

const FolderPath = z.string().min(1).max(4096);

export const notebookMethods = {
  'notebook.open': method({
    description: 'Open a folder as the notebook, setting it up when it is not one yet, and remember it.',
    input: z.object({
      /** Absolute path of the folder; the default notebook when absent. */
      path: FolderPath.optional(),
    }),
    output: NotebookInfo,
  }),
  'notebook.recent': method({
    description: 'The notebooks opened recently, most recent first.',
    input: z.object({}).default({}),
    output: z.object({ notebooks: z.array(RecentNotebook) }),
  }),
  'notebook.forget': method({
    description: 'Remove a notebook from the recent list (its folder is not touched).',
    input: z.object({ path: FolderPath }),
    output: z.object({ notebooks: z.array(RecentNotebook) }),
  }),
  'notebook.chooseFolder': method({
    description: 'Ask the user for a folder with the system’s folder dialog (desktop app only).',
    input: z.object({}).default({}),
    output: z.object({ path: z.string().nullable() }),
  }),
  'notebook.reveal': method({
    description: 'Show the notebook folder in the file manager.',
    input: z.object({}).default({}),
    output: z.object({ path: z.string() }),
  }),
};

export const notebookEvents = {
  /** Another notebook was opened: everything shown so far belongs to the old one. */
  'notebook.changed': NotebookInfo,
};
