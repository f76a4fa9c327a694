// The context window a bundle is weighed against: set per agent id or model name in the settings
// (`contextWindows`), 200k tokens when none is set. Zod-free, for the renderer.

/** The window when none is set for the target. */
export const DEFAULT_CONTEXT_WINDOW = 200_000;

/** The window of this agent (or of its model, which wins), from the settings. */
export function contextWindowOf(settings: { contextWindows?: Record<string, number> }, agent: string, model?: string): number {
  const windows = settings.contextWindows ?? {};
  return (model !== undefined ? windows[model] : undefined) ?? windows[agent] ?? DEFAULT_CONTEXT_WINDOW;
}
