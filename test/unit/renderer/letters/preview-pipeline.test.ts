/**
 * The composer's preview pipeline with a scripted renderer: a change starts a render at once,
 * changes during a render fold into one render of the latest state, and "Senden" gets the bytes
 * of exactly the state it asks for — or an error, never another state's bytes.
 */
import { describe, expect, it, vi } from 'vitest';
import type { FilledLetter } from '../../../../src/renderer/letters/filled-letter.ts';
import {
  PreviewPipeline,
  PreviewReplacedError,
  type Preview,
} from '../../../../src/renderer/features/letters/preview-pipeline.ts';

type Pending = { subject: string; finish: () => void; fail: (error: Error) => void };

function scripted() {
  const renders: Pending[] = [];
  const shown: Preview[] = [];
  const failed: string[] = [];
  const pipeline = new PreviewPipeline({
    render: (letter) =>
      new Promise((resolve, reject) =>
        renders.push({
          subject: letter.subject,
          finish: () => resolve({ pdf: new TextEncoder().encode(`%PDF ${letter.subject}`), pageKeys: ['1'] }),
          fail: reject,
        }),
      ),
    draw: async (letter) => ({ pageKeys: letter.pageKeys, pages: [], cssWidth: 420, pixelRatio: 1 }),
    shown: (preview) => shown.push(preview),
    failed: (key) => failed.push(key),
  });
  const request = (subject: string) =>
    pipeline.request({ key: subject, letter: { subject } as FilledLetter, createdAt: new Date(0) });
  return { pipeline, renders, shown, failed, request };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const text = (preview: Preview) => new TextDecoder().decode(preview.pdf);

describe('PreviewPipeline', () => {
  it('renders a change at once, and folds the changes made meanwhile into one render of the latest', async () => {
    const { renders, shown, request } = scripted();
    request('E');
    expect(renders.map((r) => r.subject)).toEqual(['E']);
    request('Ei');
    request('Ein');
    request('Eine');
    renders[0]!.finish();
    await vi.waitFor(() => expect(renders.map((r) => r.subject)).toEqual(['E', 'Eine']));
    renders[1]!.finish();
    await vi.waitFor(() => expect(shown.map((p) => p.key)).toEqual(['E', 'Eine']));
    expect(shown[1]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives "Senden" the bytes of exactly the state it waits for', async () => {
    const { pipeline, renders, request } = scripted();
    request('Termin');
    const sent = pipeline.whenShown('Termin');
    renders[0]!.finish();
    expect(text(await sent)).toBe('%PDF Termin');
    // Asked again with nothing newer wanted, it answers at once.
    expect(text(await pipeline.whenShown('Termin'))).toBe('%PDF Termin');
  });

  it('never answers with another state: a waiter for a replaced state is told so', async () => {
    const { pipeline, renders, request } = scripted();
    request('alt');
    const waiting = pipeline.whenShown('alt');
    request('neu');
    // "alt" is drawn but no longer wanted… it still is what the waiter asked for.
    renders[0]!.finish();
    expect(text(await waiting)).toBe('%PDF alt');
    const late = pipeline.whenShown('weg');
    await vi.waitFor(() => expect(renders).toHaveLength(2));
    renders[1]!.finish();
    await expect(late).rejects.toBeInstanceOf(PreviewReplacedError);
  });

  it('passes a render error to the composer and to whoever waits for that state', async () => {
    const { pipeline, renders, failed, request } = scripted();
    request('王');
    const waiting = pipeline.whenShown('王');
    renders[0]!.fail(new Error('character-unsupported'));
    await expect(waiting).rejects.toThrow('character-unsupported');
    expect(failed).toEqual(['王']);
    await expect(pipeline.whenShown('王')).rejects.toThrow('character-unsupported');
  });

  it('draws nothing more once closed', async () => {
    const { pipeline, renders, shown, request } = scripted();
    request('a');
    const waiting = pipeline.whenShown('a');
    pipeline.close();
    await expect(waiting).rejects.toThrow('closed');
    renders[0]!.finish();
    await tick();
    request('b');
    expect(shown).toEqual([]);
    expect(renders).toHaveLength(1);
  });
});
