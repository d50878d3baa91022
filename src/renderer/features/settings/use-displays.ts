/**
 * The displays the viewer can be put on, asked again whenever the settings change (the viewer may
 * have moved) and whenever this window gets the focus back (a monitor may have been plugged in).
 */
import { useEffect, useState } from 'react';
import type { DisplayList } from '../../../shared/windows/displays.ts';
import { useDesktopApi } from '../../platform/desktop-context.tsx';
import { createLogger } from '../../platform/logger.ts';

const logger = createLogger('settings');

export function useDisplays(): { list: DisplayList | null; failed: boolean } {
  const api = useDesktopApi();
  const [list, setList] = useState<DisplayList | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    const refresh = (): void => {
      api.windows.displays().then(
        (value) => {
          if (!live) return;
          setList(value);
          setFailed(false);
        },
        () => {
          logger.warn('displays not read');
          if (live) setFailed(true);
        },
      );
    };
    refresh();
    const stop = api.on('settings:changed', refresh);
    window.addEventListener('focus', refresh);
    return () => {
      live = false;
      stop();
      window.removeEventListener('focus', refresh);
    };
  }, [api]);
  return { list, failed };
}
