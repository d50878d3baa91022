/**
 * The displays as the renderer sees them (`windows:displays`) and the user's choice of the
 * viewer's display (`viewerDisplay` in the settings). A display is named by its bounds, not by the
 * id the system gives it: Windows renumbers ids between sessions, while the same monitor at the
 * same place and resolution keeps its bounds (the window layout key in main is built the same way).
 */
import { z } from 'zod';

type Bounds = { readonly x: number; readonly y: number; readonly width: number; readonly height: number };

/** `x,y,WIDTHxHEIGHT` of a display's bounds in device-independent pixels. */
export const displayKeySchema = z
  .string()
  .max(40)
  .regex(/^-?\d{1,6},-?\d{1,6},\d{1,6}x\d{1,6}$/);
export type DisplayKey = z.infer<typeof displayKeySchema>;

export function displayKey(bounds: Bounds): DisplayKey {
  const round = Math.round;
  return `${round(bounds.x)},${round(bounds.y)},${round(bounds.width)}x${round(bounds.height)}`;
}

/** auto: the largest display other than the workspace's (or beside the workspace on one display). */
export const viewerDisplaySchema = z.union([z.literal('auto'), displayKeySchema]);
export type ViewerDisplay = z.infer<typeof viewerDisplaySchema>;

const pixels = z.number().int().positive().max(100_000);

export const displaySummarySchema = z.strictObject({
  key: displayKeySchema,
  /** 1, 2, … from left to right (then top to bottom), for labels such as "Bildschirm 2". */
  number: z.number().int().min(1).max(64),
  width: pixels,
  height: pixels,
  primary: z.boolean(),
  /** The workspace window is (mostly) on this display now. */
  workspace: z.boolean(),
  /** The viewer window is (mostly) on this display now. */
  viewer: z.boolean(),
});
export type DisplaySummary = z.infer<typeof displaySummarySchema>;

export const displayListSchema = z.strictObject({
  displays: z.array(displaySummarySchema).min(1).max(64),
  /** Where `auto` puts the viewer now. */
  autoKey: displayKeySchema,
  /** False in browser mode: the browser opens the viewer as a tab or window the user places. */
  managed: z.boolean(),
});
export type DisplayList = z.infer<typeof displayListSchema>;
