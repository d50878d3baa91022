/**
 * The templates a case worker can write from: the ones shipped with the app, with the job
 * centre's own from the machine folder merged over them by template id, and the office file
 * (the machine's replaces the shipped one). A file that does not parse is refused with its file
 * and line and the others stay usable. A broken or unreadable machine file named like a shipped
 * template also takes that one out of the list: the job centre meant to replace its wording, so
 * the example wording must not go out in its place. A broken office file stops every letter (its
 * sender would be wrong).
 */
import type { MachineLetters } from '../../../shared/letters/machine-letters.ts';
import { LetterTemplateError } from '../../letters/template-error.ts';
import { parseOffice, type Office } from '../../letters/office.ts';
import { parseTemplate, TEMPLATE_FILE_SUFFIX } from '../../letters/parse-template.ts';
import type { LetterTemplate } from '../../letters/template.ts';

export type TemplateSource = { readonly file: string; readonly text: string };

export type RefusedFile =
  | { readonly kind: 'invalid'; readonly file: string; readonly error: LetterTemplateError }
  | { readonly kind: 'unreadable'; readonly file: string; readonly code: string };

export type TemplateCatalogue = {
  /** Usable templates, by title. */
  readonly templates: readonly LetterTemplate[];
  readonly refused: readonly RefusedFile[];
  /** Null when the machine's office file is refused: no letter can go out then. */
  readonly office: Office | null;
  readonly officeRefused: RefusedFile | null;
};

export type BundledLetters = { readonly templates: readonly TemplateSource[]; readonly office: TemplateSource };

function refusal(file: string, error: unknown): RefusedFile {
  if (error instanceof LetterTemplateError) return { kind: 'invalid', file, error };
  throw error;
}

/** `einladung.vorlage.txt` → `einladung`, whatever the case of the suffix. */
function idOfFileName(file: string): string | undefined {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.toLowerCase().endsWith(TEMPLATE_FILE_SUFFIX) ? name.slice(0, -TEMPLATE_FILE_SUFFIX.length) : undefined;
}

export function buildCatalogue(bundled: BundledLetters, machine: MachineLetters): TemplateCatalogue {
  const byId = new Map<string, LetterTemplate>();
  const refused: RefusedFile[] = [];
  for (const source of bundled.templates) {
    try {
      const template = parseTemplate(source.file, source.text);
      byId.set(template.id, template);
    } catch (error) {
      refused.push(refusal(source.file, error));
    }
  }
  const separator = machine.folder.includes('\\') ? '\\' : '/';
  const where = (file: string) =>
    machine.folder ? `${machine.folder.replace(/[\\/]$/, '')}${separator}${file}` : file;
  for (const source of machine.templates) {
    const file = where(source.file);
    try {
      const template = parseTemplate(file, source.text);
      byId.set(template.id, template);
    } catch (error) {
      refused.push(refusal(file, error));
      byId.delete(idOfFileName(source.file) ?? '');
    }
  }
  const isOffice = (file: string) => file.toLowerCase() === 'office.txt';
  for (const { file, code } of machine.unreadable) {
    if (isOffice(file)) continue;
    refused.push({ kind: 'unreadable', file: where(file), code });
    byId.delete(idOfFileName(file) ?? '');
  }

  let office: Office | null = null;
  let officeRefused: RefusedFile | null = null;
  const officeSource = machine.office ? { ...machine.office, file: where(machine.office.file) } : bundled.office;
  try {
    office = parseOffice(officeSource.file, officeSource.text);
  } catch (error) {
    officeRefused = refusal(officeSource.file, error);
  }
  const unreadableOffice = machine.unreadable.find((u) => isOffice(u.file));
  if (unreadableOffice) {
    office = null;
    officeRefused = { kind: 'unreadable', file: where(unreadableOffice.file), code: unreadableOffice.code };
  }

  const templates = [...byId.values()].sort((a, b) => a.title.localeCompare(b.title, 'de'));
  return { templates, refused, office, officeRefused };
}
