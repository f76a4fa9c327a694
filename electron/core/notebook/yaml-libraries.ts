// The two YAML libraries, loaded the first time a frontmatter is read or edited rather than when
// the process starts. Commands that answer from the caches (`fieldnotes search`, `fieldnotes
// list`) parse no YAML, and loading both libraries is most of what they would otherwise spend
// before their first line of output. Both are package dependencies, kept outside the bundle, so a
// synchronous require from node_modules finds them in the sources and in the build alike.
import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';
import type * as Yaml from 'yaml';

type ReadLibrary = typeof JsYaml;
type EditLibrary = typeof Yaml;

const requireHere = createRequire(import.meta.url);
let readLibrary: ReadLibrary | undefined;
let editLibrary: EditLibrary | undefined;

/** js-yaml: reads frontmatter (fast). */
export function yamlReader(): ReadLibrary {
  return (readLibrary ??= requireHere('js-yaml') as ReadLibrary);
}

/** yaml: edits frontmatter in its text (its Document API knows every node's place and style). */
export function yamlEditor(): EditLibrary {
  return (editLibrary ??= requireHere('yaml') as EditLibrary);
}
