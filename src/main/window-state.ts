/**
 * Where the windows were, per display layout: `window-state.json` in the user-data folder maps a
 * layout key (window layout plus the set of displays and their bounds) to each window's normal
 * bounds and whether it was maximised. Plugging the laptop into the docking station brings back
 * the arrangement used there; the file keeps the most recent layouts only. A file that does not
 * parse is ignored: windows are then placed afresh.
 */
import { z } from 'zod';
import type { WindowKind } from '../shared/security/app-origin.ts';
import type { Logger } from './logger.ts';
import type { FsPort } from './node-fs.ts';
import { realTimers, type Timers } from './timers.ts';

const rectangleSchema = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
const savedWindowSchema = z.strictObject({ bounds: rectangleSchema, maximized: z.boolean() });
export type SavedWindow = z.infer<typeof savedWindowSchema>;

const fileSchema = z.strictObject({
  version: z.literal(1),
  layouts: z.array(
    z.strictObject({
      key: z.string().max(1000),
      usedAt: z.string().max(40),
      windows: z.partialRecord(z.enum(['workspace', 'viewer']), savedWindowSchema),
    }),
  ),
});
type StateFile = z.infer<typeof fileSchema>;

export const MAX_LAYOUTS = 12;

export class WindowStateStore {
  private state: StateFile = { version: 1, layouts: [] };
  private saveTimer: { cancel(): void } | null = null;
  private writing: Promise<void> = Promise.resolve();
  private readonly options: {
    fs: FsPort;
    file: string;
    logger: Logger;
    timers: Timers;
    now: () => Date;
    saveDelayMs: number;
  };

  constructor(options: {
    fs: FsPort;
    file: string;
    logger: Logger;
    timers?: Timers;
    now?: () => Date;
    saveDelayMs?: number;
  }) {
    this.options = {
      timers: realTimers,
      now: () => new Date(),
      saveDelayMs: 500,
      ...options,
    };
  }

  async load(): Promise<void> {
    let text: string | null;
    try {
      text = await this.options.fs.readText(this.options.file);
    } catch {
      text = null;
    }
    if (text === null) return;
    try {
      const parsed = fileSchema.safeParse(JSON.parse(text));
      if (parsed.success) this.state = parsed.data;
      else this.options.logger.warn('window state file ignored', { reason: 'schema' });
    } catch {
      this.options.logger.warn('window state file ignored', { reason: 'json' });
    }
  }

  get(key: string, kind: WindowKind): SavedWindow | null {
    return this.state.layouts.find((layout) => layout.key === key)?.windows[kind] ?? null;
  }

  /** Remembers a window's bounds for a layout; written to disk shortly after the last change. */
  set(key: string, kind: WindowKind, saved: SavedWindow): void {
    const rounded: SavedWindow = {
      maximized: saved.maximized,
      bounds: {
        x: Math.round(saved.bounds.x),
        y: Math.round(saved.bounds.y),
        width: Math.max(1, Math.round(saved.bounds.width)),
        height: Math.max(1, Math.round(saved.bounds.height)),
      },
    };
    const existing = this.state.layouts.find((layout) => layout.key === key);
    const layout = existing ?? { key, usedAt: '', windows: {} };
    const others = this.state.layouts.filter((l) => l.key !== key);
    this.state = {
      version: 1,
      layouts: [
        { key, usedAt: this.options.now().toISOString(), windows: { ...layout.windows, [kind]: rounded } },
        ...others,
      ].slice(0, MAX_LAYOUTS),
    };
    this.scheduleSave();
  }

  /** Writes what is pending now, synchronously: the app is quitting and does not wait for promises. */
  flushSync(): void {
    if (!this.saveTimer) return;
    this.saveTimer.cancel();
    this.saveTimer = null;
    try {
      this.options.fs.writeTextAtomicSync(this.options.file, `${JSON.stringify(this.state, null, 2)}\n`);
    } catch {
      this.options.logger.warn('window state not saved', { reason: 'write-failed' });
    }
  }

  /** Writes what is pending now and waits for it. */
  async flush(): Promise<void> {
    if (this.saveTimer) {
      this.saveTimer.cancel();
      this.saveTimer = null;
      this.write();
    }
    await this.writing;
  }

  private scheduleSave(): void {
    this.saveTimer?.cancel();
    this.saveTimer = this.options.timers.setTimeout(() => {
      this.saveTimer = null;
      this.write();
    }, this.options.saveDelayMs);
  }

  private write(): void {
    const text = `${JSON.stringify(this.state, null, 2)}\n`;
    this.writing = this.writing
      .then(() => this.options.fs.writeTextAtomic(this.options.file, text))
      .catch(() => this.options.logger.warn('window state not saved', { reason: 'write-failed' }));
  }
}
