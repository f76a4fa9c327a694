// A deterministic synthetic notebook for benchmarks: notes that read like agent explanations of
// real codebases — prose, code blocks, identifiers, file paths — about 3–15 KB each. The same seed
// and count always give byte-identical files.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** mulberry32: small, fast and good enough for synthetic data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REPOS = ['ky', 'vite', 'express', 'fastapi', 'tokio', 'react', 'django', 'kubernetes', 'redis', 'prisma', 'next.js', 'rust-analyzer', 'deno', 'sqlite', 'terraform'];
const AGENTS = [
  { id: 'claude-code', version: '2.1.328', models: ['claude-sonnet-4-5', 'claude-opus-4-1'] },
  { id: 'codex', version: '0.169.0', models: ['gpt-5.1-codex', 'gpt-5-codex-mini'] },
  { id: 'gemini', version: '0.61.0', models: ['gemini-2.5-pro', 'gemini-2.5-flash'] },
];
const TAGS = ['architecture', 'http', 'routing', 'retry', 'auth', 'caching', 'performance', 'concurrency', 'build', 'plugins', 'errors', 'testing', 'database', 'migrations', 'streaming', 'security', 'config', 'cli', 'parsing', 'memory'];

const WORDS = `the a of to and in is that it for on with as this by be are from at or an which when each
then so not but only into all its one can will if more also does before after where how why what calls
returns handles passes reads writes keeps builds creates checks starts stops runs waits sends receives
request response handler middleware router route server client queue worker thread task event loop
callback promise future stream buffer chunk byte string number object array map set list cache key value
store index table row column query transaction lock mutex channel signal timeout deadline retry backoff
error exception panic failure fallback default option config setting flag environment variable path file
directory module package import export function method class interface type trait struct field property
parameter argument instance constructor factory builder adapter wrapper proxy registry plugin hook phase
stage step pipeline compiler parser tokenizer lexer ast node tree graph edge vertex visitor walker scope
context state store reducer action effect render component prop children layout style theme token session
cookie header body status code method url host port socket connection pool client agent proxy upstream
downstream scheduler executor runtime allocator arena heap stack frame pointer reference borrow lifetime
ownership clone copy move drop trait generic macro attribute decorator annotation schema model migration
seed fixture mock stub spy assertion snapshot coverage benchmark profile trace span metric log level
first second third next previous last early late lazy eager hot cold warm fast slow small large empty full
valid invalid safe unsafe public private internal external local global static dynamic sync async blocking
explicitly implicitly eventually immediately usually rarely always never once twice again instead however
because although unless while until since therefore otherwise meanwhile finally actually roughly exactly`.split(/\s+/);

const PARTS = `request response handle dispatch resolve reject parse serialize encode decode fetch load save
read write open close start stop init create build make get set update delete remove insert find search
match merge split join sort filter reduce map apply bind call invoke emit listen subscribe publish notify
retry timeout cancel abort schedule queue pool spawn fork wait lock unlock acquire release flush sync
config options settings context state session token user account client server router route path url
header body status error result value item entry node tree graph edge cache store index table row column
query plan cursor stream buffer chunk frame packet message event hook plugin module package import export
worker thread task job batch limit count size length offset cursor page version schema field type kind`.split(/\s+/);

const DIRS = ['src', 'lib', 'packages', 'internal', 'core', 'server', 'client', 'utils', 'router', 'http', 'db', 'cache', 'runtime', 'compiler', 'cli', 'config', 'plugins', 'hooks', 'middleware', 'tests'];
const EXTS = ['.ts', '.ts', '.ts', '.tsx', '.js', '.py', '.go', '.rs', '.rb', '.java'];

export interface SyntheticNote {
  relPath: string;
  text: string;
}

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** Zipf-like: low indexes far more often, like words in real text. */
function pickSkewed<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(items.length * rng() ** 2.2)]!;
}

function camel(rng: () => number, parts = 2 + Math.floor(rng() * 2)): string {
  let out = pickSkewed(rng, PARTS);
  for (let i = 1; i < parts; i++) {
    const part = pickSkewed(rng, PARTS);
    out += part[0]!.toUpperCase() + part.slice(1);
  }
  return out;
}

function snake(rng: () => number): string {
  return [pickSkewed(rng, PARTS), pickSkewed(rng, PARTS), pickSkewed(rng, PARTS)].slice(0, 2 + Math.floor(rng() * 2)).join('_');
}

function filePath(rng: () => number): string {
  const depth = 1 + Math.floor(rng() * 3);
  const dirs = Array.from({ length: depth }, () => pickSkewed(rng, DIRS));
  const base = rng() < 0.5 ? camel(rng, 2) : snake(rng);
  return [...dirs, base + pick(rng, EXTS)].join('/');
}

function identifier(rng: () => number): string {
  const roll = rng();
  if (roll < 0.45) return camel(rng);
  if (roll < 0.7) return snake(rng);
  if (roll < 0.8) return `ERR_${snake(rng).toUpperCase()}_${Math.floor(rng() * 90) + 10}`;
  if (roll < 0.9) return `${camel(rng, 1)[0]!.toUpperCase()}${camel(rng, 2).slice(1)}::${camel(rng, 1)}`;
  return `${camel(rng)}()`;
}

function sentence(rng: () => number): string {
  const length = 8 + Math.floor(rng() * 18);
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    const roll = rng();
    if (roll < 0.1) words.push('`' + identifier(rng) + '`');
    else if (roll < 0.14) words.push('`' + filePath(rng) + ':' + (1 + Math.floor(rng() * 400)) + '`');
    else words.push(pickSkewed(rng, WORDS));
  }
  const text = words.join(' ');
  return text[0]!.toUpperCase() + text.slice(1) + (rng() < 0.1 ? ':' : '.');
}

function paragraph(rng: () => number): string {
  return Array.from({ length: 2 + Math.floor(rng() * 5) }, () => sentence(rng)).join(' ');
}

function codeBlock(rng: () => number): string {
  const lang = pick(rng, ['ts', 'ts', 'python', 'go', 'rust', 'js']);
  const lines: string[] = [];
  const fn = camel(rng);
  const arg = camel(rng, 1);
  const count = 4 + Math.floor(rng() * 14);
  if (lang === 'python') {
    lines.push(`def ${snake(rng)}(${snake(rng)}, ${snake(rng)}=None):`);
    for (let i = 0; i < count; i++) lines.push(`    ${snake(rng)} = ${snake(rng)}.${snake(rng)}(${snake(rng)})`);
    lines.push(`    return ${snake(rng)}`);
  } else if (lang === 'go') {
    lines.push(`func (s *${camel(rng, 1)[0]!.toUpperCase()}${camel(rng, 2).slice(1)}) ${fn[0]!.toUpperCase()}${fn.slice(1)}(ctx context.Context, ${arg} string) error {`);
    for (let i = 0; i < count; i++) lines.push(`\tif err := s.${camel(rng)}(ctx, ${arg}); err != nil {\n\t\treturn fmt.Errorf("${pickSkewed(rng, WORDS)} ${pickSkewed(rng, WORDS)}: %w", err)\n\t}`);
    lines.push('\treturn nil\n}');
  } else if (lang === 'rust') {
    lines.push(`pub fn ${snake(rng)}(&mut self, ${snake(rng)}: &str) -> Result<(), Error> {`);
    for (let i = 0; i < count; i++) lines.push(`    let ${snake(rng)} = self.${snake(rng)}.${snake(rng)}(${snake(rng)})?;`);
    lines.push('    Ok(())\n}');
  } else {
    lines.push(`export async function ${fn}(${arg}: ${camel(rng, 1)[0]!.toUpperCase()}${camel(rng, 1).slice(1)}Options) {`);
    for (let i = 0; i < count; i++) {
      lines.push(rng() < 0.3 ? `  // ${sentence(rng)}` : `  const ${camel(rng)} = await ${camel(rng, 1)}.${camel(rng)}(${arg}, { ${camel(rng, 1)}: ${Math.floor(rng() * 1000)} });`);
    }
    lines.push(`  return ${camel(rng)};\n}`);
  }
  return '```' + lang + '\n' + lines.join('\n') + '\n```';
}

function ulid(time: number, rng: () => number): string {
  let out = '';
  let t = time;
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[t % 32]! + out;
    t = Math.floor(t / 32);
  }
  for (let i = 0; i < 16; i++) out += CROCKFORD[Math.floor(rng() * 32)]!;
  return out;
}

function hex(rng: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += '0123456789abcdef'[Math.floor(rng() * 16)]!;
  return out;
}

function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '');
}

const START = Date.UTC(2025, 0, 1);
const SPAN = 700 * 86_400_000;

/** The i-th note of the synthetic notebook for this seed. */
export function syntheticNote(index: number, seed = 1): SyntheticNote {
  const rng = seededRandom(seed * 1_000_003 + index);
  const created = START + Math.floor((index / 10_000) * SPAN) + Math.floor(rng() * 3_600_000);
  const repo = pickSkewed(rng, REPOS);
  const agent = pick(rng, AGENTS);
  const subject = identifier(rng).replace(/[`()]/g, '');
  const title = pick(rng, [
    `How does ${subject} work?`,
    `Why does ${subject} ${pickSkewed(rng, WORDS)} the ${pickSkewed(rng, WORDS)}?`,
    `Where is the ${pickSkewed(rng, WORDS)} ${pickSkewed(rng, WORDS)} handled in ${repo}?`,
    `Can ${subject} ${pickSkewed(rng, PARTS)} without ${pickSkewed(rng, WORDS)}?`,
    `What happens when ${subject} times out?`,
  ]);
  const status = rng() < 0.9 ? 'done' : pick(rng, ['failed', 'cancelled', 'interrupted']);
  const sources = Array.from({ length: 2 + Math.floor(rng() * 10) }, () => ({ path: filePath(rng), blob: hex(rng, 40) }));
  const tags = Array.from(new Set(Array.from({ length: Math.floor(rng() * 4) }, () => pickSkewed(rng, TAGS))));
  const duration = 20_000 + Math.floor(rng() * 400_000);
  const date = new Date(created).toISOString();

  const target = 3000 + Math.floor(12_000 * rng() ** (1 / 3));
  const sections: string[] = [paragraph(rng)];
  let size = sections[0]!.length;
  while (size < target) {
    const roll = rng();
    let block: string;
    if (roll < 0.12) block = `## ${sentence(rng).replace(/[.:]$/, '')}`;
    else if (roll < 0.3) block = codeBlock(rng);
    else if (roll < 0.42) block = Array.from({ length: 3 + Math.floor(rng() * 4) }, () => `- ${sentence(rng)}`).join('\n');
    else block = paragraph(rng);
    sections.push(block);
    size += block.length + 2;
  }

  const frontmatter = [
    '---',
    `id: ${ulid(created, rng)}`,
    `title: ${JSON.stringify(title)}`,
    `question: ${JSON.stringify(`${title} Explain it from the entry point to the result, citing files.`)}`,
    `mode: ${rng() < 0.85 ? 'explain' : 'poc'}`,
    `status: ${status}`,
    `repo: { name: ${JSON.stringify(repo)}, path: ${JSON.stringify(`/home/dev/src/${repo}`)}, branch: main, commit: ${hex(rng, 40)}, dirty: ${rng() < 0.2} }`,
    `agent: { id: ${agent.id}, version: ${JSON.stringify(agent.version)}, model: ${pick(rng, agent.models)}, session: ${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)} }`,
    `created: ${date}`,
    `finished: ${new Date(created + duration).toISOString()}`,
    `duration_ms: ${duration}`,
    `usage: { input_tokens: ${5000 + Math.floor(rng() * 80_000)}, output_tokens: ${500 + Math.floor(rng() * 8000)}, cost_usd: ${(rng() * 0.5).toFixed(4)} }`,
    'sources:',
    ...sources.map((source) => `  - { path: ${source.path}, blob: ${source.blob} }`),
    `tags: [${tags.join(', ')}]`,
    ...(status === 'done' ? [] : [`error: ${JSON.stringify(`The task ended ${status}: ${sentence(rng)}`)}`]),
    '---',
  ];
  const day = date.slice(0, 10);
  const relPath = `${repo}/${day}-${slugify(title)}-${index.toString(36)}.md`;
  return { relPath, text: frontmatter.join('\n') + '\n' + sections.join('\n\n') + '\n' };
}

/** Writes `count` synthetic notes into `dir`; returns the total bytes written. */
export async function writeSyntheticNotebook(dir: string, count: number, seed = 1): Promise<number> {
  let bytes = 0;
  const made = new Set<string>();
  const batch = 200;
  for (let start = 0; start < count; start += batch) {
    const notes = Array.from({ length: Math.min(batch, count - start) }, (_, k) => syntheticNote(start + k, seed));
    const parents = new Set(notes.map((note) => dirname(join(dir, note.relPath))).filter((parent) => !made.has(parent)));
    await Promise.all([...parents].map((parent) => mkdir(parent, { recursive: true })));
    for (const parent of parents) made.add(parent);
    await Promise.all(
      notes.map(async (note) => {
        await writeFile(join(dir, note.relPath), note.text);
        bytes += Buffer.byteLength(note.text);
      }),
    );
  }
  return bytes;
}
