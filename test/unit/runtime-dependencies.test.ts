// package.json's `dependencies` are what the packaged app loads from node_modules at run time:
// exactly the packages the main process, the command line and the search worker import. The rest
// (the renderer's libraries, which Vite bundles, and the tools) are devDependencies.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';

/** The build's entries for the main side (electron.vite.config.ts). */
const MAIN_ENTRIES = ['electron/main/index.ts', 'electron/cli/main.ts', 'electron/core/search/worker.ts'];
/** Bundled into the build on purpose (electron.vite.config.ts), so not loaded from node_modules; marked finds citations. */
const BUNDLED = new Set(['lunr', 'marked']);

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The module specifiers a file loads at run time: value imports, re-exports, import() and require(). */
function runtimeSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && /require/i.test(callee.text);
      if (isImport || isRequire) found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function resolveSource(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

/** The npm packages reachable from the main side's entries, following relative imports. */
function mainSidePackages(): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = MAIN_ENTRIES.map((entry) => join(ROOT, entry));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of runtimeSpecifiers(file)) {
      if (specifier.startsWith('.')) {
        const target = resolveSource(file, specifier);
        if (target && /\.(ts|mjs)$/.test(target)) queue.push(target);
      } else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier) && specifier !== 'electron') {
        packages.add(packageName(specifier));
      }
    }
  }
  return packages;
}

describe('runtime dependencies', () => {
  const loaded = mainSidePackages();

  it('holds every package the main process, the CLI and the search worker load', () => {
    const missing = [...loaded].filter((name) => !BUNDLED.has(name) && !(name in pkg.dependencies));
    expect(missing).toEqual([]);
  });

  it('holds nothing else: the renderer is bundled, and tsx only runs the sources', () => {
    const extra = Object.keys(pkg.dependencies).filter((name) => !loaded.has(name));
    expect(extra).toEqual([]);
  });
});
