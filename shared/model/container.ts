// Running agents in a container: the image a run starts from when the settings name none. It has
// Node, which the agent CLIs need; the agent's own install is mounted from the machine.
export const DEFAULT_CONTAINER_IMAGE = 'node:20';
