// The preload's bridge for the built renderer in plain Chromium: `window.fieldnotes` with the same
// invoke/subscribe shape electron/preload exposes, defined before the page's own scripts run and
// forwarding through Playwright to a real engine in the test process, push events included. Calls
// go through the same sender check (security-policy.ts) and dispatch gate as ipc.ts.
import type { Page } from '@playwright/test';
import { EVENT_NAMES } from '../../../shared/contract';
import type { Engine } from '../../../electron/core/api';
import { dispatch } from '../../../electron/core/dispatch';
import { trustsSender, type IsAppUrl } from '../../../electron/main/security-policy';

const REFUSED = { ok: false, error: { code: 'BAD_INPUT', message: 'Calls are only accepted from the Fieldnotes window.' } };

export interface BridgeOptions {
  engine: Engine;
  isAppUrl: IsAppUrl;
  /** Calls refused because the sender was not the app's page, by frame URL. */
  refused: string[];
  logError: (method: string, error: unknown) => void;
}

/** Installs the bridge on `page` (before it loads anything); returns what stops the push events. */
export async function bridgeToEngine(page: Page, { engine, isAppUrl, refused, logError }: BridgeOptions): Promise<() => void> {
  await page.exposeBinding('__fieldnotesInvoke', async ({ frame }, method: unknown, input: unknown) => {
    if (!trustsSender(isAppUrl, { url: frame.url(), isMainFrame: frame === page.mainFrame() })) {
      refused.push(frame.url());
      return REFUSED;
    }
    return dispatch(engine.handlers, method, input, { validateOutput: true, logError });
  });

  await page.addInitScript((eventNames: readonly string[]) => {
    type Callback = (payload: unknown) => void;
    const scope = globalThis as unknown as Record<string, unknown>;
    const listeners = new Map<string, Set<Callback>>(eventNames.map((name) => [name, new Set<Callback>()]));
    // Push events arrive here from the test process (page.evaluate), like ipcRenderer.on.
    Object.defineProperty(scope, '__fieldnotesPush', {
      value: (name: string, payload: unknown) => {
        for (const callback of listeners.get(name) ?? []) callback(payload);
      },
    });
    Object.defineProperty(scope, 'fieldnotes', {
      value: Object.freeze({
        invoke(method: unknown, input: unknown): Promise<unknown> {
          return (scope.__fieldnotesInvoke as (method: unknown, input: unknown) => Promise<unknown>)(method, input);
        },
        subscribe(event: unknown, callback: Callback): () => void {
          const set = listeners.get(String(event));
          if (!set) throw new Error(`Unknown event ${String(event)}`);
          set.add(callback);
          return () => {
            set.delete(callback);
          };
        },
      }),
    });
  }, EVENT_NAMES);

  const unsubscribe = EVENT_NAMES.map((name) =>
    engine.events.on(name, (payload) => {
      // A push racing a navigation or the page's close is dropped, as a closed window's would be.
      page
        .evaluate(([event, body]) => (globalThis as unknown as { __fieldnotesPush(name: unknown, payload: unknown): void }).__fieldnotesPush(event, body), [name, payload] as const)
        .catch(() => undefined);
    }),
  );
  return () => {
    for (const off of unsubscribe) off();
  };
}
