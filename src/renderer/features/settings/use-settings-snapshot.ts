/** The settings as main has them now: read once, then kept current by `settings:changed`. */
import { useEffect, useState } from 'react';
import type { SettingsSnapshot } from '../../../shared/settings/settings.ts';
import { useDesktopApi } from '../../platform/desktop-context.tsx';
import { createLogger } from '../../platform/logger.ts';

const logger = createLogger('settings');

export type SettingsSnapshotState = {
  readonly snapshot: SettingsSnapshot | null;
  /** The first read failed (and no change has arrived since). */
  readonly failed: boolean;
  /** Takes the snapshot an answer of `settings:set` carried. */
  readonly replace: (snapshot: SettingsSnapshot) => void;
};

export function useSettingsSnapshot(): SettingsSnapshotState {
  const api = useDesktopApi();
  const [snapshot, setSnapshot] = useState<SettingsSnapshot | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    api.settings.get().then(
      (value) => {
        // A change that arrived meanwhile is newer than this answer.
        if (live) setSnapshot((current) => current ?? value);
      },
      () => {
        logger.warn('settings not read');
        if (live) setFailed(true);
      },
    );
    const stop = api.on('settings:changed', (value) => {
      setFailed(false);
      setSnapshot(value);
    });
    return () => {
      live = false;
      stop();
    };
  }, [api]);
  return { snapshot, failed: failed && snapshot === null, replace: setSnapshot };
}
