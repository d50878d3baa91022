/**
 * A job centre's own letter files, as main reads them from the machine folder beside the policy
 * file (`letters:templates`): the raw text of each `*.vorlage.txt` and of `office.txt`, and the
 * files it could not read. The renderer parses them with the letter engine, so a template with a
 * mistake is refused there with its file and line.
 */
import { z } from 'zod';

/** Larger files are not templates; they are reported instead of read. */
export const MAX_LETTER_FILE_CHARS = 64 * 1024;
/** Templates read from the folder at most; further ones are reported. */
export const MAX_MACHINE_TEMPLATES = 100;

/** A file name of the folder as it is (a wrongly named template is refused by the parser, not here). */
export const letterFileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\]+$/, 'Ungültiger Dateiname');

export const letterFileSchema = z.strictObject({
  file: letterFileNameSchema,
  text: z.string().max(MAX_LETTER_FILE_CHARS),
});
export type LetterFile = z.infer<typeof letterFileSchema>;

export const machineLettersSchema = z.strictObject({
  /** Where they were looked for (shown when one is refused). */
  folder: z.string().max(1024),
  templates: z.array(letterFileSchema).max(MAX_MACHINE_TEMPLATES),
  office: letterFileSchema.nullable(),
  /** `code`: the file system's error code, `too-large` or `too-many`. */
  unreadable: z.array(z.strictObject({ file: letterFileNameSchema, code: z.string().min(1).max(64) })).max(1000),
});
export type MachineLetters = z.infer<typeof machineLettersSchema>;

export const NO_MACHINE_LETTERS: MachineLetters = { folder: '', templates: [], office: null, unreadable: [] };
