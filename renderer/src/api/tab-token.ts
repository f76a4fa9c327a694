// The browser mode's key, kept by this tab only: taken once from the printed address (?token=),
// then held in sessionStorage, which is per tab and per origin (port included), so no other server
// on 127.0.0.1 ever sees it, and a reload still has it. Never a cookie: see shared/browser-access.ts.
import { NO_ACCESS_PATH } from '../../../shared/browser-access';

const STORAGE_KEY = 'fieldnotes.token';

/**
 * Moves `?token=` from the address bar into this tab's storage, keeping the route in the hash, and
 * returns the token this tab holds (null when it has none). Runs before anything reads the URL.
 */
export function takeTabToken(): string | null {
  const address = new URL(window.location.href);
  const given = address.searchParams.get('token');
  if (given !== null) {
    address.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', address.pathname + address.search + address.hash);
    remember(given);
  }
  return given ?? recall();
}

/** The token was refused (a new launch made a new one): forget it and show how to get in. */
export function leaveForNoAccessPage(): void {
  try {
    window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage is off in this browser: nothing was kept.
  }
  window.location.replace(NO_ACCESS_PATH);
}

function remember(token: string): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Storage is off: the token lives as long as the page, and a reload asks for the address again.
  }
}

function recall(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
