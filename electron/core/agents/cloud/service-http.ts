// Calls to a cloud agent's REST API with fetch: JSON in and out, and every failure turned into a
// CloudError that says what to do (sign in again, wait out a rate limit, check the service).
// Error bodies: GitHub's { message, documentation_url, status }
// (https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api), Google's
// { error: { code, message, status, details } } (https://google.aip.dev/193, as Jules answers).
// How long a rate limit lasts: a `retry-after` header (seconds or an HTTP date); GitHub's primary
// limit, 403/429 with x-ratelimit-remaining: 0 and x-ratelimit-reset in epoch seconds
// (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api); Google's
// google.rpc.RetryInfo detail, `retryDelay` as a duration ("30s") (https://google.aip.dev/194).
import { CloudError } from './cloud-agent';

export interface ServiceRequest {
  method?: 'GET' | 'POST' | 'DELETE' | 'PATCH';
  headers: Record<string, string>;
  body?: unknown;
  /** Read the answer as text (a diff) instead of JSON. */
  text?: boolean;
}

export interface ServiceNames {
  /** The service in words ("Jules"). */
  label: string;
  /** What to do about a refused credential. */
  signIn: string;
}

/** A rate limit without a Retry-After waits this long before the next try. */
const DEFAULT_RETRY_MS = 60_000;
const TIMEOUT_MS = 60_000;

/** One call; resolves with the parsed JSON (or text), rejects with a CloudError. */
export async function callService<T = unknown>(url: string, request: ServiceRequest, names: ServiceNames): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method ?? 'GET',
      headers: { ...request.headers, ...(request.body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new CloudError('SERVICE', `Could not reach ${names.label} at ${new URL(url).origin} (${causeOf(error)}). Check the network connection, or the service's address in Settings.`);
  }
  const text = await response.text().catch(() => '');
  if (response.ok) {
    if (request.text) return text as T;
    try {
      return (text === '' ? {} : JSON.parse(text)) as T;
    } catch {
      throw new CloudError('SERVICE', `${names.label} answered with something that is not JSON (HTTP ${response.status}).`);
    }
  }
  const said = serviceMessage(text);
  const remaining = response.headers.get('x-ratelimit-remaining');
  // GitHub answers a secondary rate limit with 403 (or 429) and retry-after, not a spent quota.
  if (response.status === 429 || (response.status === 403 && (remaining === '0' || response.headers.has('retry-after')))) {
    const wait = retryAfterMs(response.headers, text);
    throw new CloudError('RATE_LIMITED', `${names.label} is rate limiting requests${said ? ` (${said})` : ''}; Fieldnotes tries again in ${Math.ceil(wait / 1000)} s. `
      + 'Fewer cloud tasks at once, or a later try, avoids it.', wait);
  }
  if (response.status === 401 || response.status === 403) {
    throw new CloudError('SIGN_IN', `${names.label} refused the credential (HTTP ${response.status}${said ? `: ${said}` : ''}). ${names.signIn}`);
  }
  if (response.status === 404) throw new CloudError('NOT_FOUND', `${names.label} has no such thing (HTTP 404${said ? `: ${said}` : ''}).`);
  throw new CloudError('SERVICE', `${names.label} failed (HTTP ${response.status}${said ? `: ${said}` : ''}). Try again later; if it keeps failing, check the service's status page.`);
}

/** The error message the service put in its body (Google's `error.message`, GitHub's `message`). */
function serviceMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown; error?: { message?: unknown } | string };
    const message = typeof body.error === 'object' ? body.error?.message : body.error ?? body.message;
    return typeof message === 'string' ? message.slice(0, 300) : '';
  } catch {
    return text.trim().slice(0, 200);
  }
}

function retryAfterMs(headers: Headers, text: string): number {
  const after = headers.get('retry-after');
  if (after && /^\d+$/.test(after.trim())) return Number(after.trim()) * 1000;
  if (after && !Number.isNaN(Date.parse(after))) return Math.max(0, Date.parse(after) - Date.now());
  const reset = headers.get('x-ratelimit-reset');
  if (reset && /^\d+$/.test(reset)) return Math.max(1000, Number(reset) * 1000 - Date.now());
  return retryInfoMs(text) ?? DEFAULT_RETRY_MS;
}

/** The `retryDelay` of a google.rpc.RetryInfo in a Google error body ("30s", "1.5s"), in ms. */
function retryInfoMs(text: string): number | undefined {
  try {
    const body = JSON.parse(text) as { error?: { details?: Array<{ '@type'?: unknown; retryDelay?: unknown }> } };
    const info = body.error?.details?.find((detail) => typeof detail['@type'] === 'string' && detail['@type'].endsWith('google.rpc.RetryInfo'));
    const delay = typeof info?.retryDelay === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(info.retryDelay.trim()) : null;
    return delay ? Math.round(Number(delay[1]) * 1000) : undefined;
  } catch {
    return undefined;
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
