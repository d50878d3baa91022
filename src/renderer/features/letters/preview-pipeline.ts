/**
 * When the composer's preview is drawn, and which preview "Senden" may send. Each preview keeps
 * the exact bytes it was drawn from, so what is queued is what the case worker saw.
 *
 * Updates coalesce instead of waiting on a timer: a change starts a render at once when none is
 * running; changes that arrive meanwhile are folded into one render of the latest state when it
 * ends. Typing slowly, each keystroke is drawn as soon as it can be; typing fast, the preview
 * follows at the pace it can be drawn and never falls behind.
 */
import type { FilledLetter } from '../../letters/filled-letter.ts';
import type { LetterToDraw, PreviewPictures } from './letter-preview.ts';

export type Preview = PreviewPictures & {
  /** The render input it shows (the filled letter and its creation time). */
  readonly key: string;
  readonly pdf: Uint8Array<ArrayBuffer>;
  /** Of `pdf`, hex: what the service files must have the same. */
  readonly sha256: string;
};

export type PreviewInput = { readonly key: string; readonly letter: FilledLetter; readonly createdAt: Date };

/** The render input as one string: equal strings, equal bytes. */
export function previewKey(letter: FilledLetter, createdAt: Date): string {
  return JSON.stringify([createdAt.toISOString(), letter]);
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export type PipelineDeps = {
  render(letter: FilledLetter, createdAt: Date): Promise<LetterToDraw>;
  /** The pictures of `letter`'s pages; `shown` are those of the preview on the screen, to reuse what is unchanged. */
  draw(letter: LetterToDraw, shown: PreviewPictures | null): Promise<PreviewPictures>;
  shown(preview: Preview): void;
  failed(key: string, error: unknown): void;
};

type Waiter = { key: string; resolve: (preview: Preview) => void; reject: (error: unknown) => void };

export class PreviewPipeline {
  readonly #deps: PipelineDeps;
  #wanted: PreviewInput | null = null;
  #running = false;
  #closed = false;
  #last: { key: string; preview: Preview | null; error: unknown } | null = null;
  #waiters: Waiter[] = [];

  constructor(deps: PipelineDeps) {
    this.#deps = deps;
  }

  /** Shows `input` as soon as it can (see the module comment). */
  request(input: PreviewInput): void {
    if (this.#closed) return;
    this.#wanted = input;
    if (!this.#running) void this.#run();
  }

  /** The preview of `key` once it is drawn; rejects when drawing it failed or a later state replaced it. */
  whenShown(key: string): Promise<Preview> {
    const last = this.#last;
    if (last?.key === key && !this.#pending(key)) {
      return last.preview ? Promise.resolve(last.preview) : Promise.reject(asError(last.error));
    }
    return new Promise((resolve, reject) => this.#waiters.push({ key, resolve, reject }));
  }

  close(): void {
    this.#closed = true;
    this.#wanted = null;
    for (const waiter of this.#waiters.splice(0)) waiter.reject(new Error('closed'));
  }

  #pending(key: string): boolean {
    return this.#wanted !== null && this.#wanted.key !== key;
  }

  async #run(): Promise<void> {
    this.#running = true;
    while (this.#wanted && !this.#closed) {
      const job = this.#wanted;
      this.#wanted = null;
      if (this.#last?.key === job.key && this.#last.preview) continue;
      try {
        // Measured for the benchmark (where a keystroke's time to the new preview goes).
        const started = performance.now();
        const letter = await this.#deps.render(job.letter, job.createdAt);
        const rendered = performance.now();
        const [pictures, sha256] = await Promise.all([
          this.#deps.draw(letter, this.#last?.preview ?? null),
          sha256Hex(letter.pdf),
        ]);
        performance.measure('letters:render', { start: started, end: rendered });
        performance.measure('letters:draw', { start: rendered, end: performance.now() });
        if (this.#closed) {
          for (const page of pictures.pages) page.close();
          break;
        }
        const preview: Preview = { ...pictures, key: job.key, pdf: letter.pdf, sha256 };
        this.#last = { key: job.key, preview, error: null };
        this.#deps.shown(preview);
      } catch (error) {
        this.#last = { key: job.key, preview: null, error };
        if (!this.#closed) this.#deps.failed(job.key, error);
      }
      this.#settle();
    }
    this.#running = false;
  }

  /** Answers the waiters for what was just drawn; those for a state that is no longer wanted are told so. */
  #settle(): void {
    const last = this.#last!;
    const wanted = this.#wanted?.key;
    this.#waiters = this.#waiters.filter((waiter) => {
      if (waiter.key === last.key) {
        if (last.preview) waiter.resolve(last.preview);
        else waiter.reject(last.error);
        return false;
      }
      if (waiter.key !== wanted) {
        waiter.reject(new PreviewReplacedError());
        return false;
      }
      return true;
    });
  }
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/** The state "Senden" waited for was changed again before it was drawn. */
export class PreviewReplacedError extends Error {
  readonly code = 'preview-replaced';
  constructor() {
    super('the previewed state was replaced');
    this.name = 'PreviewReplacedError';
  }
}
