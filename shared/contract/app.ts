// app.*: facts about the running engine.
import { z } from 'zod';
import { method } from './method';

export const NotebookInfo = z.object({
  /** Absolute path of the notebook folder. */
  path: z.string(),
  /** The folder's name, for display. */
  name: z.string(),
});
export type NotebookInfo = z.infer<typeof NotebookInfo>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** Which transport the engine is served over: the desktop app's IPC or the browser mode's HTTP. */
  transport: z.enum(['ipc', 'http']),
  platform: z.string(),
  notebook: NotebookInfo.nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appMethods = {
  'app.info': method({
    description: 'Name, version and transport of the engine, and the notebook it has open.',
    input: z.object({}).default({}),
    output: AppInfo,
  }),
};
