/** Entry of the viewer window. */
import { mountWindow } from '../shell/mount.tsx';
import { ViewerApp } from './ViewerApp.tsx';

mountWindow(<ViewerApp />);
