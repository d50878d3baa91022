/** The sync engine's state for the current session, live. */
import { useEffect, useState } from 'react';
import { useOptionalSessionController } from '../../session/session-root.tsx';
import type { SyncStatus } from '../../sync/status.ts';

export function useSyncStatus(): SyncStatus | null {
  const state = useOptionalSessionController()?.state;
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    if (state?.kind !== 'signed-in') {
      setStatus(null);
      return undefined;
    }
    return state.sync.onStatus(setStatus);
  }, [state]);
  return status;
}
