#!/usr/bin/env node
// The `fieldnotes` command. It runs the engine's TypeScript sources through tsx, so a checkout
// needs no build step before `npx fieldnotes <command>` works.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
