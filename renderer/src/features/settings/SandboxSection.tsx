// Settings: the sandbox every agent runs in. Whether it is used (auto, required, off, with a warning
// when off), and where: the OS sandbox, or Docker or Podman with an image, as this machine has them
// (settings.get says which run here, and why not).
import { useId, useState } from 'react';
import type { ContainerEngine, MachineSandboxes, TaskSettings } from '../../../../shared/contract/settings';
import { DEFAULT_CONTAINER_IMAGE } from '../../../../shared/model/container';
import { fieldMessage, useUpdateSettings } from './use-settings';

type SandboxSetting = NonNullable<TaskSettings['sandbox']>;
type Runner = 'os' | ContainerEngine;

const SETTINGS: Array<{ value: SandboxSetting; label: string; hint: string }> = [
  { value: 'auto', label: 'Use it where this machine has one', hint: 'Without one, the run relies on the agent’s own flags, and says so.' },
  { value: 'require', label: 'Require a sandbox', hint: 'Refuse to run an agent where there is none.' },
  { value: 'off', label: 'Off', hint: 'Agents run on their own flags only.' },
];

const ENGINE_LABEL: Record<ContainerEngine, string> = { docker: 'Docker', podman: 'Podman' };

export function SandboxSection({ settings, sandboxes }: { settings: TaskSettings; sandboxes: MachineSandboxes | undefined }) {
  const save = useUpdateSettings();
  const error = fieldMessage(save.error);
  const setting = settings.sandbox ?? 'auto';
  const runner: Runner = settings.container?.engine ?? 'os';
  const osLabel = sandboxes?.os.kind && sandboxes.os.kind !== 'none' ? `OS sandbox (${sandboxes.os.kind})` : 'OS sandbox';
  const runners: Array<{ value: Runner; label: string; available: boolean; reason?: string }> = [
    { value: 'os', label: osLabel, available: sandboxes?.os.available ?? true, ...(sandboxes?.os.reason ? { reason: sandboxes.os.reason } : {}) },
    ...(['docker', 'podman'] as const).map((engine) => ({
      value: engine, label: ENGINE_LABEL[engine], available: sandboxes?.[engine].available ?? false,
      ...(sandboxes?.[engine].reason ? { reason: sandboxes[engine].reason } : {}),
    })),
  ];
  const chosen = runners.find((each) => each.value === runner);

  return (
    <section className="settings-section" aria-labelledby="settings-sandbox">
      <h2 id="settings-sandbox">Sandbox</h2>
      <p className="settings-intro">
        Every agent runs inside a sandbox on top of its own read-only flags: the disk is read-only to it but its own state folders (and, in PoC, the scratch
        checkout). The network stays on: the agent needs its model.
      </p>
      <div className="setting" role="radiogroup" aria-label="Sandbox">
        {SETTINGS.map(({ value, label, hint }) => (
          <label key={value} className="sandbox-choice">
            <input type="radio" name="sandbox-setting" checked={setting === value} onChange={() => save.mutate({ sandbox: value })} />
            <span>
              {label} <span className="setting-hint">{hint}</span>
            </span>
          </label>
        ))}
        {setting === 'off' && (
          <p className="sandbox-warning" role="note">
            The sandbox is off: agents are held only by their own flags. A custom command runs with your full permissions and can change any file you can.
          </p>
        )}
      </div>
      <div className="setting">
        <span className="setting-label" id="sandbox-runner">Where agents run</span>
        <div className="setting-control" role="radiogroup" aria-labelledby="sandbox-runner">
          {runners.map((each) => (
            <label key={each.value} className="sandbox-choice" title={each.available ? undefined : each.reason}>
              <input
                type="radio"
                name="sandbox-runner"
                checked={runner === each.value}
                disabled={!each.available && runner !== each.value}
                onChange={() => save.mutate({ container: each.value === 'os' ? null : { engine: each.value, image: settings.container?.image ?? DEFAULT_CONTAINER_IMAGE } })}
              />
              {each.label}
              {!each.available && <span className="faint"> (not here)</span>}
            </label>
          ))}
        </div>
        {chosen && !chosen.available && chosen.reason && <p className="setting-hint">{chosen.reason}</p>}
        {settings.container && <ContainerImage engine={settings.container.engine} image={settings.container.image} />}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** The image a container run starts from; saves when the field is left or Enter is pressed. */
function ContainerImage({ engine, image }: { engine: ContainerEngine; image: string }) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const save = useUpdateSettings();
  const error = fieldMessage(save.error);
  const commit = (): void => {
    if (text === null || text.trim() === image) return setText(null);
    save.mutate({ container: { engine, image: text.trim() } }, { onSuccess: () => setText(null) });
  };
  return (
    <>
      <label className="setting-label" htmlFor={id}>
        Image
      </label>
      <div className="setting-control">
        <input
          id={id}
          className={`setting-text${error ? ' is-invalid' : ''}`}
          value={text ?? image}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setText(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => event.key === 'Enter' && commit()}
        />
        {save.isSuccess && text === null && <span className="setting-saved" role="status">Saved</span>}
      </div>
      <p className="setting-hint">
        It gives the agent its runtime (Node for the agent CLIs, {DEFAULT_CONTAINER_IMAGE} by default); the agent’s own install is mounted read-only from this
        machine, the codebase read-only, the scratch checkout read-write.
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
