/**
 * What the composer needs before the first keystroke, loaded together when it opens: the template
 * catalogue, the fonts (for the checks' measurements), the case's BG number and its members.
 */
import { useEffect, useState } from 'react';
import type { Addressees } from '../../data/repos/letters.ts';
import { useDesktopApi } from '../../platform/desktop-context.tsx';
import { createLogger } from '../../platform/logger.ts';
import type { Session } from '../../session/session.ts';
import { letterAssets, type LetterAssets } from './letter-assets.ts';
import { loadCatalogue, MachineTemplatesError } from './load-catalogue.ts';
import type { TemplateCatalogue } from './template-catalogue.ts';

const logger = createLogger('letters/composer');

export type ComposerSetup =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly reason: 'machine' | 'load' }
  | {
      readonly state: 'ready';
      readonly catalogue: TemplateCatalogue;
      readonly assets: LetterAssets;
      readonly addressees: Addressees;
    };

export function useComposerSetup(session: Session, caseId: string): ComposerSetup {
  const api = useDesktopApi();
  const [setup, setSetup] = useState<ComposerSetup>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    Promise.all([loadCatalogue(api), letterAssets(), session.letters.addressees(caseId)]).then(
      ([catalogue, assets, addressees]) => live && setSetup({ state: 'ready', catalogue, assets, addressees }),
      (error: unknown) => {
        logger.error('composer could not load', { code: (error as { code?: unknown }).code ?? 'unexpected' });
        if (live) setSetup({ state: 'failed', reason: error instanceof MachineTemplatesError ? 'machine' : 'load' });
      },
    );
    return () => {
      live = false;
    };
  }, [api, session, caseId]);
  return setup;
}
