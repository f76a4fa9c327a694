// A child process for the token counter test: starts the tokenizer (and counts a text when asked),
// then leaves nothing to do. It must exit by itself: an idle tokenizer keeps no process alive.
import { claudeTokenCounter } from '../../electron/core/context/token-counter';

const counter = claudeTokenCounter();
counter.warm();
if (process.argv[2] === 'count') console.log((await counter.count(['hello world!']))[0]);
else console.log('warming');
