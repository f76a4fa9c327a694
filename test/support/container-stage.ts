// What the container tests need: an engine that runs containers here (Podman or Docker, asked for
// real, with the reason printed when there is none) and an image with Node, sh, sed and git.
// Nothing can be pulled from a registry here, so the image is made from this machine's own
// programs and their libraries (`<engine> import`), once per engine and kept.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ContainerEngine } from '../../shared/contract/settings';
import { probeContainerEngine } from '../../electron/core/sandbox/container-engine';

/** The image the tests run agents in; FIELDNOTES_CONTAINER_IMAGE names one with Node, sh, sed and git instead. */
const TEST_IMAGE = 'localhost/fieldnotes-test-runtime:1';
const PROGRAMS = ['node', 'sh', 'sed', 'git', 'env'];

export interface ContainerStage {
  engine: ContainerEngine;
  image: string;
}

/** The engine and image to test with, or why the container tests skip. */
export const containerStage: ContainerStage | { reason: string } = await findStage();
if ('reason' in containerStage) console.warn(`Container tests skipped: ${containerStage.reason}`);

async function findStage(): Promise<ContainerStage | { reason: string }> {
  const wanted = process.env.FIELDNOTES_CONTAINER_ENGINE as ContainerEngine | undefined;
  const reasons: string[] = [];
  for (const engine of wanted ? [wanted] : (['podman', 'docker'] as const)) {
    const probe = await probeContainerEngine(engine, process.env);
    if (!probe.available) {
      reasons.push(probe.reason ?? `${engine} cannot run here.`);
      continue;
    }
    try {
      const image = process.env.FIELDNOTES_CONTAINER_IMAGE ?? localImage(engine);
      const trial = spawnSync(engine, ['run', '--rm', image, 'node', '-e', 'process.exit(0)'], { encoding: 'utf8', timeout: 120_000 });
      if (trial.status !== 0) {
        reasons.push(`${engine} cannot run a container here (${(trial.stderr || trial.error?.message || '').trim().split('\n').pop()}).`);
        continue;
      }
      return { engine, image };
    } catch (error) {
      reasons.push(`${engine}: could not make a test image (${String(error).split('\n')[0]}).`);
    }
  }
  return { reason: reasons.join(' ') };
}

/** This machine's Node, sh, sed and git with their libraries, imported as an image once. */
function localImage(engine: ContainerEngine): string {
  if (spawnSync(engine, ['image', 'inspect', TEST_IMAGE], { stdio: 'ignore' }).status === 0) return TEST_IMAGE;
  const root = mkdtempSync(join(tmpdir(), 'fieldnotes-image-'));
  try {
    const files = new Set<string>();
    for (const program of PROGRAMS) {
      const file = execFileSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).trim();
      files.add(file);
      files.add(realpathSync(file));
      for (const line of execFileSync('ldd', [realpathSync(file)], { encoding: 'utf8' }).split('\n')) {
        const lib = /(\/\S+) \(0x/.exec(line)?.[1];
        if (lib) files.add(lib);
      }
    }
    for (const file of files) {
      mkdirSync(join(root, dirname(file)), { recursive: true });
      copyFileSync(realpathSync(file), join(root, file));
    }
    mkdirSync(join(root, 'tmp'));
    // Shebangs and shells name /bin/sh and /usr/bin/env.
    if (!existsSync(join(root, 'bin'))) symlinkSync('usr/bin', join(root, 'bin'));
    if (!existsSync(join(root, 'bin', 'sh'))) copyFileSync(realpathSync('/bin/sh'), join(root, 'bin', 'sh'));
    execFileSync('sh', ['-c', `tar -C "${root}" -c . | ${engine} import --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' - ${TEST_IMAGE}`], { stdio: 'pipe', timeout: 300_000 });
    return TEST_IMAGE;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
