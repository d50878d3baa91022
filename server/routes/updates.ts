/**
 * `/updates/*`: a folder served as the electron-updater generic feed (`latest.yml`, installers,
 * blockmaps). Single byte ranges are honoured for resumed downloads.
 */
import { createReadStream, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { notFound, ProblemError, problem, problemTypes } from '../http/problem.ts';
import { decideRange } from '../http/range.ts';

const TYPES: Record<string, string> = {
  '.yml': 'text/yaml; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.blockmap': 'application/octet-stream',
};

export function registerUpdateRoutes(app: FastifyInstance, folder: string): void {
  const root = resolve(folder);
  app.get('/updates/*', async (request, reply) => {
    const rest = (request.params as { '*': string })['*'];
    const segments = rest.split('/');
    if (rest.includes('\0') || segments.some((s) => s === '..' || s === '.' || s.startsWith('.') || s === ''))
      throw notFound();
    const path = resolve(root, ...segments);
    if (!path.startsWith(root + sep)) throw notFound();
    let size: number;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) throw notFound();
      size = stat.size;
    } catch {
      throw notFound('Diese Aktualisierungsdatei gibt es nicht.');
    }
    reply.type(TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream').header('accept-ranges', 'bytes');
    reply.header('cache-control', 'no-cache');
    const range = decideRange(request.headers.range, size);
    if (range.kind === 'unsatisfiable') {
      throw new ProblemError(
        problem(
          416,
          problemTypes.rangeNotSatisfiable,
          'Range Not Satisfiable',
          'Der angefragte Bereich liegt außerhalb der Datei.',
        ),
        {
          'content-range': `bytes */${size}`,
        },
      );
    }
    if (range.kind === 'partial') {
      reply
        .code(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
        .header('content-length', String(range.end - range.start + 1));
      return reply.send(createReadStream(path, { start: range.start, end: range.end }));
    }
    reply.header('content-length', String(size));
    return reply.send(createReadStream(path));
  });
}
