// The single gate every transport goes through: checks the method name, parses the input with the
// contract's schema, calls the engine, and turns any failure into the contract's error shape.
import { z } from 'zod';
import { methods, isMethodName, type ApiHandlers, type CallResult } from '../../shared/contract';
import { ApiError } from '../../shared/contract/errors';

export interface DispatchOptions {
  /** Also check outputs against the contract (tests turn this on; it costs time on big lists). */
  validateOutput?: boolean;
  /** Where unexpected errors are reported; their details never reach the caller. */
  logError?: (method: string, error: unknown) => void;
}

export async function dispatch(
  handlers: ApiHandlers,
  method: unknown,
  rawInput: unknown,
  options: DispatchOptions = {},
): Promise<CallResult<unknown>> {
  if (!isMethodName(method)) {
    return failure(new ApiError('UNKNOWN_METHOD', `There is no method ${JSON.stringify(method)}.`));
  }
  const spec = methods[method];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return failure(new ApiError('BAD_INPUT', `Bad input for ${method}: ${z.prettifyError(parsed.error)}`));
  }
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    if (options.validateOutput) {
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        throw new Error(`${method} returned output outside the contract: ${z.prettifyError(checked.error)}`);
      }
    }
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ApiError) return failure(error);
    options.logError?.(method, error);
    return failure(new ApiError('INTERNAL', `${method} failed unexpectedly: ${(error as Error)?.message ?? String(error)}`));
  }
}

function failure(error: ApiError): CallResult<never> {
  return { ok: false, error: error.toShape() };
}
