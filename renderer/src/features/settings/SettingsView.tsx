// Settings: how many tasks run at once and for how long, the sandbox, the agents (local and cloud) and the custom command, the
// agents asked by default, the editor citations open in, the theme, and the scratch checkouts PoCs left behind. Each field
// saves on its own and shows the engine's message when a value is refused.
import { useEffect } from 'react';
import { formatDuration } from '../../lib/format';
import { useRoute } from '../app/use-route';
import { AgentsSection } from './AgentsSection';
import { CaptureSessionsSection } from './CaptureSessionsSection';
import { CloudAgentsSection } from './CloudAgentsSection';
import { ContextWindowsSection } from './ContextWindowsSection';
import { CustomCommandSection } from './CustomCommandSection';
import { DefaultAgentsSetting } from './DefaultAgentsSetting';
import { EditorSection } from './EditorSection';
import { NotebookForAgentsSection } from './NotebookForAgentsSection';
import { NumberSetting } from './NumberSetting';
import { SandboxSection } from './SandboxSection';
import { SharingSection } from './SharingSection';
import { ScratchCheckouts } from './ScratchCheckouts';
import { ThemePicker } from './ThemePicker';
import { useSettings } from './use-settings';
import './Settings.css';

export function SettingsView() {
  const settings = useSettings();
  const tasks = settings.data?.tasks;
  const route = useRoute();
  const section = route.view === 'settings' ? route.section : null;
  const loaded = settings.data !== undefined;
  // #/settings/sharing (the sidebar's "Share this notebook"): that section, once the settings are there.
  useEffect(() => {
    if (!section || !loaded) return;
    document.getElementById(`settings-${section}`)?.closest('section')?.scrollIntoView({ block: 'start' });
  }, [section, loaded]);
  return (
    <main className="settings-view" aria-label="Settings">
      <div className="settings-page">
        <h1>Settings</h1>
        {settings.error && <p className="field-error">{settings.error.message}</p>}
        {tasks && (
          <>
            <section className="settings-section" aria-labelledby="settings-tasks">
              <h2 id="settings-tasks">Tasks</h2>
              <NumberSetting
                setting="concurrency"
                label="Tasks at once"
                value={tasks.concurrency}
                hint="How many tasks run at the same time; the others wait in line. A change applies at once (running tasks are never stopped)."
              />
              <NumberSetting
                setting="idleTimeoutSec"
                label="Stop a silent agent after"
                unit="seconds"
                value={tasks.idleTimeoutSec}
                hint={`An agent that prints nothing for this long is stopped (now ${formatDuration(tasks.idleTimeoutSec * 1000)}). For tasks that start from now on.`}
              />
              <NumberSetting
                setting="wallTimeoutSec"
                label="Stop any task after"
                unit="seconds"
                value={tasks.wallTimeoutSec}
                hint={`However busy it is (now ${formatDuration(tasks.wallTimeoutSec * 1000)}). For tasks that start from now on.`}
              />
              <DefaultAgentsSetting settings={tasks} />
            </section>
            <SandboxSection settings={tasks} sandboxes={settings.data?.sandboxes} />
            <AgentsSection settings={tasks} />
            <CloudAgentsSection settings={tasks} />
            <CustomCommandSection settings={tasks} />
            <ContextWindowsSection settings={tasks} />
            <NotebookForAgentsSection settings={tasks} />
            <CaptureSessionsSection settings={tasks} />
            {settings.data?.sync && <SharingSection settings={settings.data.sync} />}
          </>
        )}
        {settings.data?.editor && <EditorSection editor={settings.data.editor} />}
        <section className="settings-section" aria-labelledby="settings-appearance">
          <h2 id="settings-appearance">Appearance</h2>
          <div className="setting">
            <span className="setting-label">Theme</span>
            <ThemePicker />
          </div>
        </section>
        <ScratchCheckouts />
      </div>
    </main>
  );
}
