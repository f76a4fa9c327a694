// The context.* methods of the contract, and notes.staleness, over the open notebook.
import type { ApiHandlers, MethodName } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/errors';
import type { NativePorts } from '../ports/native-ports';
import type { ContextBundler } from './context-bundler';

type HandlersIn<NS extends string> = Pick<ApiHandlers, Extract<MethodName, `${NS}.${string}`>>;

export function contextHandlers({ bundler, ports }: { bundler: ContextBundler; ports: NativePorts }): HandlersIn<'context'> & Pick<ApiHandlers, 'notes.staleness'> {
  return {
    'context.build': ({ ids, format, budget }) => bundler.build(ids, format, budget),
    'context.estimate': ({ ids, format }) => bundler.estimate(ids, format),
    'context.copy': async ({ ids, format, budget }) => {
      if (!ports.copyText) {
        throw new ApiError('UNSUPPORTED', 'The engine can only write to the clipboard in the desktop app. In a browser, get the text with context.build and copy it there.');
      }
      const { text, ...facts } = await bundler.build(ids, format, budget);
      await ports.copyText(text);
      return facts;
    },
    'notes.staleness': ({ id }) => bundler.staleness(id),
  };
}
