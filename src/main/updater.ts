/**
 * The update state machine. electron-updater does the work behind a small port (check, download
 * with progress, install); this module decides when, publishes every state to the renderers and
 * keeps to the policy: `off` never looks, `notify` asks the user before downloading, `auto`
 * downloads in the background. A downloaded update is only ever installed on quit, through
 * `install()`, which the quit flow calls once the outbox guard has said it is safe.
 */
import type { UpdateMode } from '../shared/policy/policy.ts';
import type { UpdateErrorCode, UpdateState } from '../shared/updates/update-state.ts';
import type { Logger } from './logger.ts';
import { realTimers, type Timers } from './timers.ts';
import { errorFields } from '../shared/logging/redact.ts';

export type CheckOutcome =
  | { readonly kind: 'available'; readonly version: string }
  | { readonly kind: 'not-available'; readonly latestVersion: string; readonly stagedOut: boolean }
  /** electron-updater is not active here (an unpackaged build, a Linux build that is not an AppImage…). */
  | { readonly kind: 'inactive' };

export type DownloadProgress = { readonly percent: number; readonly transferred: number; readonly total: number };

export type UpdaterPort = {
  check(): Promise<CheckOutcome>;
  download(onProgress: (progress: DownloadProgress) => void): Promise<void>;
  /** Runs the installer silently and quits; the app is not started again. */
  installNow(): void;
};

export type UpdateControllerOptions = {
  /** Null when updates cannot run at all; `disabledReason` says why. */
  readonly port: UpdaterPort | null;
  readonly mode: UpdateMode;
  readonly disabledReason?: 'no-feed' | 'unpackaged';
  readonly publish: (state: UpdateState) => void;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly timers?: Timers;
  readonly firstCheckAfterMs?: number;
  readonly checkEveryMs?: number;
};

/** Maps electron-updater's and Node's error codes onto the few the renderer tells apart. */
export function updateErrorCode(error: unknown): UpdateErrorCode {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : '';
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE' || /not signed by the application owner/i.test(message))
    return 'signature-invalid';
  if (code === 'ERR_CHECKSUM_MISMATCH' || /sha512 checksum mismatch/i.test(message)) return 'checksum-mismatch';
  if (code === 'ENOSPC') return 'disk-full';
  if (
    [
      'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND',
      'ERR_UPDATER_LATEST_VERSION_NOT_FOUND',
      'ERR_UPDATER_INVALID_UPDATE_INFO',
      'ERR_UPDATER_INVALID_VERSION',
      'ERR_UPDATER_NO_FILES_PROVIDED',
      'ERR_UPDATER_NO_CHECKSUM',
      'ERR_UPDATER_ASSET_NOT_FOUND',
    ].includes(code)
  )
    return 'feed-invalid';
  if (
    code.startsWith('HTTP_ERROR_') ||
    ['ENOTFOUND', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(
      code,
    ) ||
    /^net::ERR_/.test(message)
  )
    return 'network';
  return 'unknown';
}

export class UpdateController {
  private current: UpdateState;
  private checking: Promise<UpdateState> | null = null;
  private downloading: Promise<UpdateState> | null = null;
  private timer: { cancel(): void } | null = null;
  private readonly options: UpdateControllerOptions;
  private readonly now: () => Date;
  private readonly timers: Timers;

  constructor(options: UpdateControllerOptions) {
    this.options = options;
    this.now = options.now ?? (() => new Date());
    this.timers = options.timers ?? realTimers;
    this.current =
      options.mode === 'off'
        ? { phase: 'disabled', reason: 'policy-off' }
        : options.port
          ? { phase: 'idle' }
          : { phase: 'disabled', reason: options.disabledReason ?? 'no-feed' };
  }

  state(): UpdateState {
    return this.current;
  }

  /** Looks for updates shortly after start and then every few hours, unless disabled. */
  start(): void {
    if (this.current.phase === 'disabled') return;
    this.schedule(this.options.firstCheckAfterMs ?? 60_000);
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = null;
  }

  /** The version that installs on quit, if one is downloaded. */
  pendingInstall(): string | null {
    return this.current.phase === 'ready' ? this.current.version : null;
  }

  check(): Promise<UpdateState> {
    const port = this.options.port;
    if (!port || this.current.phase === 'disabled') return Promise.resolve(this.current);
    if (this.checking) return this.checking;
    // A download under way or done is not interrupted by looking again.
    if (['downloading', 'ready', 'installing'].includes(this.current.phase)) return Promise.resolve(this.current);
    this.set({ phase: 'checking' });
    this.checking = this.runCheck(port).finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  /** notify mode: the user asked for the update that is available (or to retry a failed download). */
  download(): Promise<UpdateState> {
    const version = this.downloadableVersion();
    if (!this.options.port || version === null) return Promise.resolve(this.current);
    return this.startDownload(this.options.port, version);
  }

  /** Called by the quit flow once the outbox guard agreed: runs the installer and quits. */
  install(): boolean {
    const version = this.pendingInstall();
    if (!this.options.port || version === null) return false;
    this.set({ phase: 'installing', version });
    try {
      this.options.port.installNow();
      return true;
    } catch (error) {
      this.options.logger.error('installing the update failed', errorFields(error));
      this.set({ phase: 'error', code: updateErrorCode(error), during: 'install', version });
      return false;
    }
  }

  private downloadableVersion(): string | null {
    const state = this.current;
    if (state.phase === 'available') return state.version;
    if (state.phase === 'error' && state.during === 'download' && state.version) return state.version;
    return null;
  }

  private async runCheck(port: UpdaterPort): Promise<UpdateState> {
    let outcome: CheckOutcome;
    try {
      outcome = await port.check();
    } catch (error) {
      const code = updateErrorCode(error);
      this.options.logger.warn('update check failed', { code, ...errorFields(error) });
      this.set({ phase: 'error', code, during: 'check' });
      return this.current;
    }
    const checkedAt = this.now().toISOString();
    switch (outcome.kind) {
      case 'inactive':
        this.stop();
        this.set({ phase: 'disabled', reason: 'unpackaged' });
        return this.current;
      case 'not-available':
        this.set(
          outcome.stagedOut
            ? { phase: 'staged-out', version: outcome.latestVersion, checkedAt }
            : { phase: 'up-to-date', checkedAt },
        );
        return this.current;
      case 'available':
        this.options.logger.info('update available', { version: outcome.version, mode: this.options.mode });
        this.set({ phase: 'available', version: outcome.version });
        if (this.options.mode === 'auto') return this.startDownload(port, outcome.version);
        return this.current;
    }
  }

  private startDownload(port: UpdaterPort, version: string): Promise<UpdateState> {
    if (this.downloading) return this.downloading;
    this.set({ phase: 'downloading', version, percent: 0, transferredBytes: 0, totalBytes: 0 });
    let lastPercent = 0;
    this.downloading = port
      .download((progress) => {
        const percent = Math.min(100, Math.max(0, Math.floor(progress.percent)));
        // Whole percents only: the renderer needs a bar, not a message per network chunk.
        if (percent === lastPercent && percent !== 0) return;
        lastPercent = percent;
        this.set({
          phase: 'downloading',
          version,
          percent,
          transferredBytes: Math.max(0, progress.transferred),
          totalBytes: Math.max(0, progress.total),
        });
      })
      .then(
        () => {
          this.options.logger.info('update downloaded; installs when the app is closed', { version });
          this.set({ phase: 'ready', version });
          return this.current;
        },
        (error: unknown) => {
          const code = updateErrorCode(error);
          this.options.logger.warn('update download failed', { code, version, ...errorFields(error) });
          this.set({ phase: 'error', code, during: 'download', version });
          return this.current;
        },
      )
      .finally(() => {
        this.downloading = null;
      });
    return this.downloading;
  }

  private schedule(ms: number): void {
    this.timer?.cancel();
    this.timer = this.timers.setTimeout(() => {
      void this.check().finally(() => {
        if (this.current.phase !== 'disabled') this.schedule(this.options.checkEveryMs ?? 4 * 60 * 60_000);
      });
    }, ms);
  }

  private set(state: UpdateState): void {
    this.current = state;
    this.options.publish(state);
  }
}
