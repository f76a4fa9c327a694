// notebook.*: which folder of notes the engine works on.
import { z } from 'zod';
import { method } from './method';
import { NotebookInfo } from './app';

export const notebookMethods = {
  'notebook.open': method({
    description: 'Open a folder as the notebook, setting it up when it is not one yet.',
    input: z.object({
      /** Absolute path of the folder; the default notebook when absent. */
      path: z.string().min(1).optional(),
    }),
    output: NotebookInfo,
  }),
};

export const notebookEvents = {
  /** Another notebook was opened: everything shown so far belongs to the old one. */
  'notebook.changed': NotebookInfo,
};
