/**
 * The updater port over electron-updater (an `AppUpdater`: NsisUpdater, MacUpdater,
 * AppImageUpdater, DebUpdater — index.ts passes electron-updater's `autoUpdater`).
 *
 * - Feed: the generic provider at the policy's updateUrl; the channel file is `latest*.yml` for
 *   stable and `beta*.yml` for beta (electron-builder writes stable releases into both).
 * - Staged rollouts: electron-updater reads `stagingPercentage` from the channel file and compares
 *   it with this machine's staging id, a UUID it keeps in `<userData>/.updaterId`. When the machine
 *   is outside the rollout it reports "not available"; the port tells that apart (`stagedOut`).
 * - Signatures: on Windows the installer's Authenticode publisher must match `publisherName` in
 *   app-update.yml (electron-builder writes it from the signing certificate); on macOS Squirrel
 *   checks the code signature; on Linux there is none, only the sha512 from the feed, which is
 *   why the feed must be https. Every download is checked against the feed's sha512.
 * - Never a downgrade (going back needs a higher version), never a download or an install on its
 *   own: the state machine (updater.ts) decides, and installing waits for the outbox guard.
 */
import type { AppUpdater, ProgressInfo, UpdateInfo } from 'electron-updater';
import type { Policy } from '../shared/policy/policy.ts';
import type { Logger } from './logger.ts';
import type { CheckOutcome, UpdaterPort } from './updater.ts';

export type UpdateFeed = { readonly url: string; readonly channel: Policy['updateChannel'] };

/** electron-updater's channel name for the policy's channel. */
export function feedChannel(channel: Policy['updateChannel']): string {
  return channel === 'stable' ? 'latest' : 'beta';
}

export function createElectronUpdaterPort(updater: AppUpdater, feed: UpdateFeed, logger: Logger): UpdaterPort {
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  updater.autoRunAppAfterInstall = false;
  updater.allowDowngrade = false;
  updater.allowPrerelease = feed.channel === 'beta';
  updater.fullChangelog = false;
  // Its lines carry URLs, the staging id and file paths; the redaction guard scrubs ids and home folders.
  updater.logger = {
    info: (message?: unknown) => logger.debug(String(message)),
    warn: (message?: unknown) => logger.warn(String(message)),
    error: (message?: unknown) => logger.warn(String(message)),
  };
  updater.setFeedURL({ provider: 'generic', url: feed.url, channel: feedChannel(feed.channel) });

  let stagedOut: string | null = null;
  const withinRollout = updater.isUserWithinRollout;
  updater.isUserWithinRollout = async (info: UpdateInfo) => {
    const within = await withinRollout(info);
    if (!within) stagedOut = info.version;
    return within;
  };

  return {
    async check(): Promise<CheckOutcome> {
      stagedOut = null;
      const result = await updater.checkForUpdates();
      if (!result) return { kind: 'inactive' };
      if (result.isUpdateAvailable) return { kind: 'available', version: result.updateInfo.version };
      const latestVersion = result.updateInfo.version;
      return { kind: 'not-available', latestVersion, stagedOut: stagedOut === latestVersion };
    },
    async download(onProgress) {
      const listener = (progress: ProgressInfo): void =>
        onProgress({ percent: progress.percent, transferred: progress.transferred, total: progress.total });
      updater.on('download-progress', listener);
      try {
        await updater.downloadUpdate();
      } finally {
        updater.off('download-progress', listener);
      }
    },
    installNow() {
      // Silent (IT's per-machine install, no wizard), and the app is not started again.
      updater.quitAndInstall(true, false);
    },
  };
}
