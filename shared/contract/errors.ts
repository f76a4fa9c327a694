// The one error shape that crosses every boundary: a stable code and a message a person can act on.
// No schemas here, so the renderer can use ApiError without bundling zod.

export const ERROR_CODES = [
  'BAD_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'NOTE_NOT_FOUND',
  'NOTEBOOK_UNAVAILABLE',
  'PATH_OUTSIDE_NOTEBOOK',
  'CONFLICT',
  'UNAVAILABLE',
  'UNSUPPORTED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorShape {
  code: ErrorCode;
  message: string;
}

/** An error the engine raises on purpose; its message is meant for the user. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toShape(): ErrorShape {
    return { code: this.code, message: this.message };
  }

  static from(shape: ErrorShape): ApiError {
    return new ApiError(shape.code, shape.message);
  }
}

/** A call's outcome as it travels over a transport. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ErrorShape };
