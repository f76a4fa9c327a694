// The renderer's entry: theme first (no flash), then the React tree with its query cache.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
