// The sync.* handlers: the notebook as a shared git repository (notebook-sharing.ts does the work).
import type { ApiHandlers } from '../../../shared/contract';
import type { NotebookSharing } from './notebook-sharing';

export function syncHandlers(sharing: NotebookSharing): Pick<ApiHandlers, 'sync.status' | 'sync.setup' | 'sync.run' | 'sync.resolve' | 'sync.clone'> {
  return {
    'sync.status': async () => sharing.status(),
    'sync.setup': async ({ remote }) => sharing.setUp(remote),
    'sync.run': async () => {
      const outcome = await sharing.run();
      return { outcome, status: await sharing.status() };
    },
    'sync.resolve': async ({ id, keep }) => sharing.resolve(id, keep),
    'sync.clone': async ({ url, path }) => sharing.clone(url, path),
  };
}
