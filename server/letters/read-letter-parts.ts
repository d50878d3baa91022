/**
 * Reads the two parts of a letter upload (`meta` JSON and `pdf` bytes) within the size limits.
 * Any parser error that is not already a known client error becomes a 400, so that a broken
 * multipart body never turns into a 500.
 */
import type { FastifyRequest } from 'fastify';
import { MAX_LETTER_META_BYTES } from '../../src/shared/api/limits.ts';
import { ProblemError, problem, problemTypes } from '../http/problem.ts';

export type LetterParts = { readonly meta: unknown; readonly pdf: Buffer };

const malformed = (detail: string) => new ProblemError(problem(400, problemTypes.malformed, 'Bad Request', detail));

export async function readLetterParts(request: FastifyRequest, maxPdfBytes: number): Promise<LetterParts> {
  if (!request.isMultipart()) {
    throw new ProblemError(
      problem(
        415,
        problemTypes.unsupportedMediaType,
        'Unsupported Media Type',
        'Erwartet wird multipart/form-data mit den Teilen „meta“ und „pdf“.',
      ),
    );
  }
  let meta: string | undefined;
  let pdf: Buffer | undefined;
  try {
    const parts = request.parts({
      limits: {
        fileSize: maxPdfBytes,
        files: 1,
        fields: 2,
        parts: 3,
        fieldSize: MAX_LETTER_META_BYTES,
        headerPairs: 50,
      },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== 'pdf') {
          part.file.resume();
          throw malformed(`Unbekannter Dateiteil „${part.fieldname.slice(0, 40)}“.`);
        }
        pdf = await part.toBuffer();
      } else {
        if (part.fieldname !== 'meta') throw malformed(`Unbekanntes Feld „${part.fieldname.slice(0, 40)}“.`);
        if (part.valueTruncated)
          throw new ProblemError(
            problem(413, problemTypes.tooLarge, 'Content Too Large', 'Die Briefangaben sind zu groß.'),
          );
        meta = typeof part.value === 'string' ? part.value : undefined;
      }
    }
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('FST_')) throw error;
    throw malformed('Die mehrteilige Anfrage ist fehlerhaft aufgebaut.');
  }
  if (meta === undefined) throw malformed('Der Teil „meta“ fehlt.');
  if (pdf === undefined) throw malformed('Der Teil „pdf“ fehlt.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(meta);
  } catch {
    throw malformed('Der Teil „meta“ ist kein gültiges JSON.');
  }
  return { meta: parsed, pdf };
}
