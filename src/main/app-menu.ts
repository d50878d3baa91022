/**
 * The application menu, as a template for Electron's Menu.buildFromTemplate. Standard entries use
 * Electron's roles (which the operating system labels in its own language); the app's own entry is
 * "Hilfe → Protokollordner öffnen", which opens the log folder for IT. DevTools only unpackaged.
 */
import type { UserSettings } from '../shared/settings/settings.ts';

export type MenuRole =
  | 'appMenu'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'toggleDevTools'
  | 'minimize'
  | 'close';

export type MenuItemSpec = {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  click?: () => void;
  submenu?: MenuItemSpec[];
};

const LABELS = {
  de: {
    file: 'Datei',
    edit: 'Bearbeiten',
    view: 'Ansicht',
    window: 'Fenster',
    help: 'Hilfe',
    openLogFolder: 'Protokollordner öffnen',
  },
  en: { file: 'File', edit: 'Edit', view: 'View', window: 'Window', help: 'Help', openLogFolder: 'Open log folder' },
} as const satisfies Record<UserSettings['language'], Record<string, string>>;

export function appMenuTemplate(options: {
  language: UserSettings['language'];
  platform: NodeJS.Platform;
  packaged: boolean;
  openLogFolder: () => void;
}): MenuItemSpec[] {
  const t = LABELS[options.language];
  const separator: MenuItemSpec = { type: 'separator' };
  return [
    ...(options.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { label: t.file, submenu: [{ role: 'quit' }] },
    {
      label: t.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: t.view,
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
        ...(options.packaged ? [] : [separator, { role: 'toggleDevTools' as const }]),
      ],
    },
    { label: t.window, submenu: [{ role: 'minimize' }, { role: 'close' }] },
    { label: t.help, submenu: [{ label: t.openLogFolder, click: options.openLogFolder }] },
  ];
}

/** What "Protokollordner öffnen" does: open the folder in the file manager (shell.openPath). */
export async function openLogFolder(
  openPath: (folder: string) => Promise<string>,
  folder: string,
  ensureFolder: (folder: string) => Promise<void>,
): Promise<boolean> {
  await ensureFolder(folder);
  // shell.openPath answers an error text, or '' on success.
  return (await openPath(folder)) === '';
}
