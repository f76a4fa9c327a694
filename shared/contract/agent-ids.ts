// The agents Fieldnotes knows by name, as plain values (no schemas, so the renderer can use them
// without bundling zod).

/** The agent ids whose executable can be set by path (the custom command has its own argv). */
export const CLI_AGENT_IDS = ['claude-code', 'codex', 'gemini'] as const;
