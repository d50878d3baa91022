/**
 * The letter templates and the office file shipped with E-Akte Desktop (`assets/letters/`), built
 * into the renderer as text. A job centre's own files from the machine folder are merged over them
 * (template-catalogue.ts).
 */
import officeText from '../../../../assets/letters/office.txt?raw';
import type { TemplateSource } from './template-catalogue.ts';

const files = import.meta.glob<string>('../../../../assets/letters/*.vorlage.txt', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const BUNDLED_TEMPLATES: readonly TemplateSource[] = Object.entries(files)
  .map(([path, text]) => ({ file: path.split('/').pop()!, text }))
  .sort((a, b) => a.file.localeCompare(b.file));

export const BUNDLED_OFFICE: TemplateSource = { file: 'office.txt', text: officeText };
