/**
 * The job centre's own letter files in the machine folder beside the policy file, read for
 * `letters:templates`: every `*.vorlage.txt` and `office.txt`, as text. IT puts them there like
 * the policy; the renderer parses them (a broken template is refused with file and line there and
 * the others stay usable). Files that cannot be read are reported with their error code.
 */
import {
  MAX_LETTER_FILE_CHARS,
  MAX_MACHINE_TEMPLATES,
  type LetterFile,
  type MachineLetters,
} from '../shared/letters/machine-letters.ts';
import type { Logger } from './logger.ts';
import { errorCode } from './node-fs.ts';

/** What reading the folder needs of the file system. */
export type LetterFolderFs = {
  /** The names in the folder, or null when it does not exist; other failures throw (with `code`). */
  list(dir: string): Promise<string[] | null>;
  /** The file's text, or null when it does not exist; other failures throw. */
  readText(filePath: string): Promise<string | null>;
};

const TEMPLATE_SUFFIX = '.vorlage.txt';
const OFFICE_FILE = 'office.txt';

/** Where IT puts the job centre's letter files on each platform (beside `policy.json`). */
export function machineLettersFolder(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  switch (platform) {
    case 'win32':
      return `${env['ProgramData'] ?? 'C:\\ProgramData'}\\E-Akte\\letters`;
    case 'darwin':
      return '/Library/Application Support/E-Akte/letters';
    default:
      return '/etc/e-akte/letters';
  }
}

export async function readMachineLetters(
  fs: LetterFolderFs,
  folder: string,
  join: (...parts: string[]) => string,
  logger?: Pick<Logger, 'warn'>,
): Promise<MachineLetters> {
  const result: { templates: LetterFile[]; office: LetterFile | null; unreadable: MachineLetters['unreadable'] } = {
    templates: [],
    office: null,
    unreadable: [],
  };
  const unreadable = (file: string, code: string): void => {
    result.unreadable.push({ file: file.slice(0, 255), code: code.slice(0, 64) });
    logger?.warn('letter file not read', { code });
  };
  let names: string[] | null;
  try {
    names = await fs.list(folder);
  } catch (error) {
    unreadable(folder.split(/[\\/]/).filter(Boolean).pop() ?? 'letters', errorCode(error) ?? 'unknown');
    return { folder, ...result };
  }
  const read = async (file: string): Promise<LetterFile | null> => {
    try {
      const text = await fs.readText(join(folder, file));
      if (text === null) return null;
      if (text.length > MAX_LETTER_FILE_CHARS) {
        unreadable(file, 'too-large');
        return null;
      }
      return { file, text };
    } catch (error) {
      unreadable(file, errorCode(error) ?? 'unknown');
      return null;
    }
  };
  const sorted = [...(names ?? [])].filter((n) => !/[\\/]/.test(n) && n.length <= 255).sort();
  // On Windows and macOS "Einladung.Vorlage.TXT" is the same kind of file; the parser then says what is wrong with it.
  const templates = sorted.filter((n) => n.toLowerCase().endsWith(TEMPLATE_SUFFIX));
  for (const [k, file] of templates.entries()) {
    if (k >= MAX_MACHINE_TEMPLATES) {
      unreadable(file, 'too-many');
      continue;
    }
    const loaded = await read(file);
    if (loaded) result.templates.push(loaded);
  }
  const office = sorted.find((n) => n.toLowerCase() === OFFICE_FILE);
  if (office) result.office = await read(office);
  return { folder, ...result };
}
