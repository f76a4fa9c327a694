// Starts the search worker from its TypeScript source (the CLI, `fieldnotes serve` and the tests
// run sources through tsx; a worker does not inherit the parent's loader, so it registers its own).
// The desktop app runs the bundled `search-worker.js` instead.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
