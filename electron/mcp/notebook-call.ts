// The MCP server's one road into the engine: each method goes through dispatch(), which checks its
// input with the contract's schemas, exactly as for the app and the CLI. Failures throw ApiError.
import type { ApiHandlers, Input, MethodName, Output } from '../../shared/contract';
import { ApiError } from '../../shared/contract/errors';
import { dispatch } from '../core/dispatch';

export type NotebookCall = <M extends MethodName>(method: M, input: Input<M>) => Promise<Output<M>>;

export function notebookCall(handlers: ApiHandlers, log: (message: string) => void): NotebookCall {
  return async (method, input) => {
    const result = await dispatch(handlers, method, input, {
      logError: (name, error) => log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    });
    if (!result.ok) throw ApiError.from(result.error);
    return result.value as Output<typeof method>;
  };
}
