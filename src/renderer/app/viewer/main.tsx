/** Entry of the viewer window: it follows the session signed in in the workspace. */
import { SessionRoot } from '../../session/session-root.tsx';
import { mountWindow } from '../shell/mount.tsx';
import { ViewerApp } from './ViewerApp.tsx';

mountWindow(
  <SessionRoot>
    <ViewerApp />
  </SessionRoot>,
);
