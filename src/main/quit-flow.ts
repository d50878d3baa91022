/**
 * What happens when the app quits with a downloaded update: the quit is held while the outbox
 * guard asks the windows, then the update installs (and the installer ends the app), or, when the
 * guard did not agree in time, the app quits without installing and the update waits for the
 * next quit. Without a downloaded update the quit is never held.
 */
import type { GuardOutcome } from './install-guard.ts';
import type { Logger } from './logger.ts';
import { realTimers, type Timers } from './timers.ts';

export type QuitFlowOptions = {
  readonly pendingInstall: () => string | null;
  readonly waitUntilSafe: () => Promise<GuardOutcome>;
  /** Runs the installer; it quits the app itself. False when it could not start. */
  readonly install: () => boolean;
  readonly quit: () => void;
  readonly logger: Logger;
  readonly timers?: Timers;
  /** If the installer has not ended the app by then, quit anyway. */
  readonly installerGraceMs?: number;
};

export function createQuitFlow(options: QuitFlowOptions) {
  let phase: 'running' | 'waiting' | 'released' = 'running';
  return {
    /** The handler of app 'before-quit'. */
    onBeforeQuit(event: { preventDefault(): void }): void {
      if (phase === 'released') return;
      const version = options.pendingInstall();
      if (version === null) return;
      event.preventDefault();
      if (phase === 'waiting') return;
      phase = 'waiting';
      void options.waitUntilSafe().then((outcome) => {
        phase = 'released';
        if (outcome === 'safe' && options.install()) {
          options.logger.info('installing the update on quit', { version });
          (options.timers ?? realTimers).setTimeout(options.quit, options.installerGraceMs ?? 10_000);
          return;
        }
        options.logger.warn('quitting without installing; the update installs at the next quit', { version });
        options.quit();
      });
    },
  };
}
