/**
 * "Dokumentenansicht": whether the viewer has a window of its own or shares the workspace's
 * display (windowLayout), and, with a window of its own, which display it goes to (viewerDisplay:
 * automatic, or one of the displays there now). A chosen display that is not connected stays
 * chosen and is listed as such; main uses automatic until it is back. In browser mode the browser
 * places its windows, and the section says so instead of offering choices that do nothing.
 */
import { useId } from 'react';
import type { WindowLayout } from '../../../shared/settings/settings.ts';
import type { DisplayList, DisplaySummary, ViewerDisplay } from '../../../shared/windows/displays.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { Translate } from '../../i18n/translate.ts';
import { describedBy, FieldProblem, LockedNote } from './FieldNotes.tsx';
import type { SettingsSectionProps } from './section-props.ts';
import { useDisplays } from './use-displays.ts';

const LAYOUTS: readonly WindowLayout[] = ['separate', 'docked'];

function displayLabel(display: DisplaySummary, t: Translate): string {
  const base = t('settings.viewer.display.option', {
    number: display.number,
    width: String(display.width),
    height: String(display.height),
  });
  const notes = [
    display.primary && t('settings.viewer.display.primary'),
    display.workspace && t('settings.viewer.display.workspaceHere'),
    display.viewer && t('settings.viewer.display.viewerHere'),
  ].filter((note): note is string => Boolean(note));
  return notes.length ? `${base} – ${notes.join(', ')}` : base;
}

/** The size part of a display key (`x,y,WxH`), for a display that is not connected now. */
function keySize(key: string): { width: string; height: string } {
  const [width = '?', height = '?'] = (key.split(',')[2] ?? '').split('x');
  return { width, height };
}

export function ViewerDisplaySection({ snapshot, save, problems }: SettingsSectionProps) {
  const { t } = useI18n();
  const id = useId();
  const { list, failed } = useDisplays();
  return (
    <section className="settings-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('settings.viewer.heading')}</h3>
      {failed && !list && <p className="settings-problem">{t('settings.viewer.display.failed')}</p>}
      {list && !list.managed && <BrowserPlacement list={list} />}
      {list?.managed && (
        <>
          <LayoutChoice snapshot={snapshot} save={save} problems={problems} />
          <DisplayChoice list={list} snapshot={snapshot} save={save} problems={problems} />
        </>
      )}
    </section>
  );
}

function BrowserPlacement({ list }: { list: DisplayList }) {
  const { t } = useI18n();
  const own = list.displays[0]!;
  return (
    <>
      <p>{t('settings.viewer.browser')}</p>
      <p className="settings-hint">
        {t('settings.viewer.browserScreen', { width: String(own.width), height: String(own.height) })}
      </p>
    </>
  );
}

function LayoutChoice({ snapshot, save, problems }: SettingsSectionProps) {
  const { t } = useI18n();
  const id = useId();
  const locked = snapshot.locked.includes('windowLayout');
  return (
    <>
      <fieldset
        className="settings-choices"
        disabled={locked}
        aria-describedby={describedBy(locked && `${id}-locked`, problems.windowLayout && `${id}-problem`)}
      >
        <legend>{t('settings.viewer.layout')}</legend>
        {LAYOUTS.map((layout) => (
          <label key={layout}>
            <input
              type="radio"
              name={`${id}-layout`}
              value={layout}
              checked={snapshot.effective.windowLayout === layout}
              onChange={() => save('windowLayout', layout)}
            />{' '}
            {t(`settings.viewer.layout.${layout}`)}
          </label>
        ))}
      </fieldset>
      {locked && <LockedNote id={`${id}-locked`} />}
      <FieldProblem id={`${id}-problem`} text={problems.windowLayout} />
    </>
  );
}

function DisplayChoice({ list, snapshot, save, problems }: SettingsSectionProps & { list: DisplayList }) {
  const { t } = useI18n();
  const id = useId();
  const locked = snapshot.locked.includes('viewerDisplay');
  const docked = snapshot.effective.windowLayout === 'docked';
  const chosen: ViewerDisplay = snapshot.effective.viewerDisplay;
  const missing = chosen !== 'auto' && !list.displays.some((display) => display.key === chosen);
  const autoNumber = list.displays.find((display) => display.key === list.autoKey)?.number ?? 1;
  return (
    <>
      <div className="settings-field">
        <label htmlFor={`${id}-display`}>{t('settings.viewer.display.label')}</label>
        <select
          id={`${id}-display`}
          value={chosen}
          disabled={locked || docked}
          aria-describedby={describedBy(
            locked && `${id}-locked`,
            docked && `${id}-docked`,
            missing && `${id}-missing`,
            problems.viewerDisplay && `${id}-problem`,
          )}
          onChange={(event) => save('viewerDisplay', event.target.value)}
        >
          <option value="auto">{t('settings.viewer.display.auto', { number: autoNumber })}</option>
          {list.displays.map((display) => (
            <option key={display.key} value={display.key}>
              {displayLabel(display, t)}
            </option>
          ))}
          {missing && <option value={chosen}>{t('settings.viewer.display.missing', keySize(chosen))}</option>}
        </select>
      </div>
      {docked && (
        <p id={`${id}-docked`} className="settings-hint">
          {t('settings.viewer.display.dockedNote')}
        </p>
      )}
      {missing && (
        <p id={`${id}-missing`} className="settings-hint">
          {t('settings.viewer.display.missingNote')}
        </p>
      )}
      {locked && <LockedNote id={`${id}-locked`} />}
      <FieldProblem id={`${id}-problem`} text={problems.viewerDisplay} />
    </>
  );
}
