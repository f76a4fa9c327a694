import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export const appKeys = { info: ['app', 'info'] as const };

/** Engine facts: version, transport, and the open notebook. */
export function useAppInfo() {
  return useQuery({ queryKey: appKeys.info, queryFn: () => api.app.info(), staleTime: Infinity });
}
