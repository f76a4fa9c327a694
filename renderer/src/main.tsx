// The renderer's entry: theme first (no flash), the notes list asked for, then the React tree with
// its query cache.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { newestNotesQuery, noteListQuery } from './features/notes/use-notes';
import { initTheme } from './features/settings/theme';
import './styles/theme.css';
import './styles/markdown.css';
import './styles/forms.css';

initTheme();

const queryClient = new QueryClient({
  defaultOptions: {
    // Push events keep data fresh; refetching on focus would only add load.
    queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 },
  },
});

// The list is what the first screen waits for: asked for before React renders anything, its newest
// rows first (a few KB, where the whole list of 10,000 notes is 6 MB).
void queryClient.prefetchQuery(newestNotesQuery);
void queryClient.prefetchQuery(noteListQuery);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
