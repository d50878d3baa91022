/**
 * Loads the template catalogue of this machine: the shipped templates with the job centre's own
 * (through `letters:templates`) merged over them. The composer loads it afresh each time it opens,
 * so a template IT has just added is there; the case's list of letters reuses the last one for
 * the templates' titles.
 */
import type { DesktopApi } from '../../platform/desktop-api.ts';
import { BUNDLED_OFFICE, BUNDLED_TEMPLATES } from './bundled-templates.ts';
import { buildCatalogue, type TemplateCatalogue } from './template-catalogue.ts';

/** The job centre's own templates could not be asked for: writing from the shipped ones instead might use the wrong wording. */
export class MachineTemplatesError extends Error {
  readonly code = 'machine-templates';
  constructor(detail: string) {
    super(`machine letter templates unavailable: ${detail}`);
    this.name = 'MachineTemplatesError';
  }
}

let last: Promise<TemplateCatalogue> | null = null;

export function loadCatalogue(api: DesktopApi): Promise<TemplateCatalogue> {
  const loading = api.letters.templates().then(
    (machine) => buildCatalogue({ templates: BUNDLED_TEMPLATES, office: BUNDLED_OFFICE }, machine),
    (error: unknown) => {
      throw new MachineTemplatesError(error instanceof Error ? error.message : String(error));
    },
  );
  last = loading;
  loading.catch(() => {
    if (last === loading) last = null;
  });
  return loading;
}

export function lastCatalogue(api: DesktopApi): Promise<TemplateCatalogue> {
  return last ?? loadCatalogue(api);
}
