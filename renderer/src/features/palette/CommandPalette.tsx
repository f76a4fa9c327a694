// The command palette (Ctrl/Cmd-Shift-P). Its dialog (and cmdk) load the first time it opens.
import { lazy, Suspense } from 'react';
import type { CommandPaletteProps } from './PaletteDialog';

const PaletteDialog = lazy(() => import('./PaletteDialog').then((module) => ({ default: module.PaletteDialog })));

export function CommandPalette(props: CommandPaletteProps) {
  // Mounted only while open, so every opening starts with an empty query.
  if (!props.open) return null;
  return (
    <Suspense fallback={null}>
      <PaletteDialog {...props} />
    </Suspense>
  );
}
