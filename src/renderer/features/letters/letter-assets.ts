/**
 * The letter's fonts and the PDF/A colour profile, built into the renderer as files of their own
 * and fetched as bytes once per window (the same origin, so the CSP's `connect-src 'self'` lets
 * them through; `no-inline` keeps the small profile a file, since a `data:` URL may not be fetched).
 */
import regularUrl from '../../../../assets/fonts/LiberationSans-Regular.ttf?url&no-inline';
import boldUrl from '../../../../assets/fonts/LiberationSans-Bold.ttf?url&no-inline';
import iccUrl from '../../../../assets/icc/sRGB-v2.icc?url&no-inline';
import { createFontMetrics, type FontMetrics, type LetterFonts } from '../../letters/font-metrics.ts';

export type LetterAssets = {
  readonly fonts: LetterFonts;
  readonly iccProfile: Uint8Array<ArrayBuffer>;
  /** The checks measure with these (an address line must fit the window). */
  readonly metrics: FontMetrics;
};

export class LetterAssetsError extends Error {
  readonly code = 'letter-assets';
  constructor(detail: string) {
    super(`letter assets could not be loaded: ${detail}`);
    this.name = 'LetterAssetsError';
  }
}

async function bytesOf(url: string): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(url);
  if (!response.ok) throw new LetterAssetsError(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

let loading: Promise<LetterAssets> | null = null;

export function letterAssets(): Promise<LetterAssets> {
  loading ??= (async () => {
    const [regular, bold, iccProfile] = await Promise.all([bytesOf(regularUrl), bytesOf(boldUrl), bytesOf(iccUrl)]);
    const fonts = { regular, bold };
    return { fonts, iccProfile, metrics: createFontMetrics(fonts) };
  })();
  // A failed load is not kept: the next composer tries again.
  loading.catch(() => (loading = null));
  return loading;
}
