/** English texts of the viewer window; every German key needs one (checked by the compiler). */
import type { viewerDe } from './messages-de.ts';

export const viewerEn: Record<keyof typeof viewerDe, string> = {};
