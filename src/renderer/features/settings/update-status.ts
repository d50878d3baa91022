/**
 * The update state in words, and what the user can do in it: look for updates, download the one
 * that is available, or try again after an error (the download again when it was the download
 * that failed, else the check).
 */
import type { UpdateState } from '../../../shared/updates/update-state.ts';
import { assertNever } from '../../../shared/util/assert-never.ts';
import { formatTime } from '../../i18n/format.ts';
import type { Language, Translate } from '../../i18n/translate.ts';

export type UpdateAction = 'check' | 'download' | 'retry-check' | 'retry-download';

export type UpdateStatus = {
  readonly text: string;
  readonly actions: readonly UpdateAction[];
  /** 0–100 while downloading. */
  readonly percent?: number;
};

export function describeUpdate(state: UpdateState, t: Translate, language: Language): UpdateStatus {
  switch (state.phase) {
    case 'disabled':
      return { text: t(`settings.updates.disabled.${state.reason}`), actions: [] };
    case 'idle':
      return { text: t('settings.updates.idle'), actions: ['check'] };
    case 'checking':
      return { text: t('settings.updates.checking'), actions: [] };
    case 'up-to-date':
      return {
        text: t('settings.updates.up-to-date', { time: formatTime(state.checkedAt, language) }),
        actions: ['check'],
      };
    case 'staged-out':
      return {
        text: t('settings.updates.staged-out', {
          version: state.version,
          time: formatTime(state.checkedAt, language),
        }),
        actions: ['check'],
      };
    case 'available':
      return { text: t('settings.updates.available', { version: state.version }), actions: ['download'] };
    case 'downloading':
      return {
        text: t('settings.updates.downloading', { version: state.version, percent: Math.floor(state.percent) }),
        actions: [],
        percent: state.percent,
      };
    case 'ready':
      return { text: t('settings.updates.ready', { version: state.version }), actions: [] };
    case 'installing':
      return { text: t('settings.updates.installing', { version: state.version }), actions: [] };
    case 'error': {
      const reason = t(`settings.updates.reason.${state.code}`);
      const retry: UpdateAction = state.during === 'download' && state.version ? 'retry-download' : 'retry-check';
      return { text: t(`settings.updates.error.${state.during}`, { reason }), actions: [retry] };
    }
    default:
      return assertNever(state);
  }
}
