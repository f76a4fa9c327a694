// The few facts about the user's platform the UI shows differently (shortcut labels).

const platform =
  (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform ?? '';

export const isMac = /mac|iphone|ipad/i.test(platform);

/** The label of the primary modifier key: ⌘ on macOS, Ctrl elsewhere. */
export const MOD_LABEL = isMac ? '⌘' : 'Ctrl';

/** True when the event carries the primary modifier (Cmd on macOS, Ctrl elsewhere). */
export function hasMod(event: { metaKey: boolean; ctrlKey: boolean }): boolean {
  return isMac ? event.metaKey : event.ctrlKey;
}
