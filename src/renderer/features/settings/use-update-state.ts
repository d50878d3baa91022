/** The update state from main: read once, then every `updates:state` event. */
import { useEffect, useState } from 'react';
import type { UpdateState } from '../../../shared/updates/update-state.ts';
import { useDesktopApi } from '../../platform/desktop-context.tsx';
import { createLogger } from '../../platform/logger.ts';

const logger = createLogger('settings');

export function useUpdateState(): { state: UpdateState | null; set: (state: UpdateState) => void } {
  const api = useDesktopApi();
  const [state, setState] = useState<UpdateState | null>(null);
  useEffect(() => {
    let live = true;
    api.updates.getState().then(
      (value) => {
        if (live) setState((current) => current ?? value);
      },
      () => logger.warn('update state not read'),
    );
    const stop = api.on('updates:state', setState);
    return () => {
      live = false;
      stop();
    };
  }, [api]);
  return { state, set: setState };
}
