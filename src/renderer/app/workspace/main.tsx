/** Entry of the workspace window. */
import { mountWindow } from '../shell/mount.tsx';
import { WorkspaceApp } from './WorkspaceApp.tsx';

mountWindow(<WorkspaceApp />);
