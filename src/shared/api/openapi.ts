/**
 * The OpenAPI 3.1 document of the REST contract, generated from the zod schemas so that the two
 * cannot drift. `src/shared/api/openapi.json` is this document written out (see
 * `server/tools/write-openapi.ts`); a test keeps it up to date.
 */
import { z } from 'zod';
import { annotationSchema } from '../domain/annotation.ts';
import { auditEventSchema } from '../domain/audit.ts';
import { caseSchema } from '../domain/case.ts';
import { documentSchema } from '../domain/document.ts';
import { followUpSchema } from '../domain/follow-up.ts';
import { letterSchema } from '../domain/letter.ts';
import { noteSchema } from '../domain/note.ts';
import { personSchema } from '../domain/person.ts';
import { userSchema } from '../domain/user.ts';
import { auditBatchRequestSchema, auditBatchResponseSchema, caseAuditResponseSchema } from './audit.ts';
import { loginRequestSchema, loginResponseSchema, meResponseSchema } from './auth.ts';
import { changeSchema, changesResponseSchema } from './changes.ts';
import { healthResponseSchema } from './health.ts';
import { letterAcceptedSchema, letterMetaSchema, letterStatusResponseSchema } from './letters.ts';
import { DEFAULT_CHANGES_LIMIT, MAX_CHANGES_LIMIT, MAX_LETTER_PDF_BYTES } from './limits.ts';
import {
  mutationBatchRequestSchema,
  mutationBatchResponseSchema,
  mutationSchema,
  mutationResultSchema,
} from './mutations.ts';
import { PROBLEM_CONTENT_TYPE, problemSchema } from './problem.ts';

export const API_VERSION = '1.0.0';

const components: Record<string, z.ZodType> = {
  User: userSchema,
  Case: caseSchema,
  Person: personSchema,
  Document: documentSchema,
  Annotation: annotationSchema,
  Note: noteSchema,
  FollowUp: followUpSchema,
  Letter: letterSchema,
  AuditEvent: auditEventSchema,
  Problem: problemSchema,
  LoginRequest: loginRequestSchema,
  LoginResponse: loginResponseSchema,
  MeResponse: meResponseSchema,
  Change: changeSchema,
  ChangesResponse: changesResponseSchema,
  Mutation: mutationSchema,
  MutationResult: mutationResultSchema,
  MutationBatchRequest: mutationBatchRequestSchema,
  MutationBatchResponse: mutationBatchResponseSchema,
  LetterMeta: letterMetaSchema,
  LetterAccepted: letterAcceptedSchema,
  LetterStatus: letterStatusResponseSchema,
  AuditBatchRequest: auditBatchRequestSchema,
  AuditBatchResponse: auditBatchResponseSchema,
  CaseAuditResponse: caseAuditResponseSchema,
  Health: healthResponseSchema,
};

function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
  });
  const schemas: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries(out.schemas)) {
    const { $schema: _schema, $id: _id, ...rest } = schema as Record<string, unknown>;
    schemas[id] = rest;
  }
  return schemas;
}

const ref = (id: keyof typeof components) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: keyof typeof components) => ({ 'application/json': { schema: ref(id) } });
const problem = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('Problem') } },
});
const idParam = (name: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' },
});
const authErrors = {
  '400': problem('Ungültige Anfrage'),
  '401': problem('Nicht angemeldet oder Sitzung abgelaufen'),
};

export function buildOpenApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'E-Akte central service',
      version: API_VERSION,
      description:
        'REST contract between E-Akte Desktop and the central case-file service (SGB II). ' +
        'A user only sees and changes cases assigned to them; anything else answers 404.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
    paths: {
      '/auth/login': {
        post: {
          operationId: 'login',
          security: [],
          requestBody: { required: true, content: json('LoginRequest') },
          responses: {
            '200': { description: 'Angemeldet', content: json('LoginResponse') },
            '400': problem('Ungültige Anfrage'),
            '401': problem('Benutzername oder Passwort falsch'),
            '429': problem('Zu viele Fehlversuche; `Retry-After` sagt, wann es wieder geht'),
          },
        },
      },
      '/auth/logout': {
        post: {
          operationId: 'logout',
          description: 'Widerruft das Token dieser Anfrage; danach beantwortet der Dienst es überall mit 401.',
          responses: {
            '204': { description: 'Abgemeldet' },
            '401': problem('Nicht angemeldet oder Sitzung abgelaufen (auch: bereits abgemeldet)'),
          },
        },
      },
      '/me': {
        get: {
          operationId: 'me',
          responses: {
            '200': { description: 'Der Benutzer und seine Akten', content: json('MeResponse') },
            ...authErrors,
          },
        },
      },
      '/changes': {
        get: {
          operationId: 'changes',
          parameters: [
            {
              name: 'cursor',
              in: 'query',
              required: false,
              schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$' },
            },
            {
              name: 'limit',
              in: 'query',
              required: false,
              schema: { type: 'integer', minimum: 1, maximum: MAX_CHANGES_LIMIT, default: DEFAULT_CHANGES_LIMIT },
            },
          ],
          responses: {
            '200': { description: 'Eine Seite des Änderungsstroms', content: json('ChangesResponse') },
            ...authErrors,
            '410': problem('Cursor unbekannt oder abgelaufen; ohne Cursor neu beginnen'),
          },
        },
      },
      '/documents/{id}/content': {
        get: {
          operationId: 'documentContent',
          parameters: [
            idParam('id'),
            { name: 'Range', in: 'header', required: false, schema: { type: 'string' } },
            { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
            { name: 'If-Range', in: 'header', required: false, schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: 'Die PDF-Datei; `ETag` ist die SHA-256 in Anführungszeichen',
              content: { 'application/pdf': {} },
            },
            '206': { description: 'Ein Ausschnitt (`Content-Range`)', content: { 'application/pdf': {} } },
            '304': { description: 'Unverändert' },
            ...authErrors,
            '404': problem('Dokument nicht gefunden'),
            '416': problem('Bereich nicht erfüllbar'),
            '503': problem('Die Datei des Dokuments ist beim Dienst derzeit nicht verfügbar; `Retry-After`'),
          },
        },
      },
      '/mutations': {
        post: {
          operationId: 'mutations',
          description:
            'Ein Stapel von Änderungen, in einer Transaktion und in Reihenfolge angewandt. Die `id` jeder Änderung ' +
            'ist ihr Idempotenzschlüssel: eine Wiederholung antwortet `duplicate` mit dem ersten Ergebnis. ' +
            'Versionen: `put` ohne `baseVersion` legt an (Konflikt, wenn es den Eintrag gibt), mit `baseVersion` ' +
            'ändert es (Konflikt, wenn der Dienst neuer ist); `delete` mit `baseVersion` ist bedingt. ' +
            'Dokumente (ohne `baseVersion`): `put` setzt den Posteingangsstatus (der letzte gewinnt); ' +
            '`requestOriginal` fordert das Papieroriginal beim Scandienst an, solange `originalRetainedUntil` heute ' +
            'oder später ist (Kalendertag in Deutschland, Uhr des Dienstes) – setzt `originalRequestedAt`, eine ' +
            'erneute Anforderung behält den ersten Zeitpunkt und antwortet `applied`; danach `rejected` mit ' +
            '`/problems/original-destroyed` (410, Erweiterung `originalRetainedUntil`). `reportMisfiled` meldet einen ' +
            'falsch zugeordneten Scan mit Grund (1–1000 Zeichen): der Dienst nimmt das Dokument samt seinen ' +
            'Anmerkungen aus der Akte in seine Klärungsstelle, antwortet `applied` mit der Version der Löschung, ' +
            'der Änderungsstrom meldet allen mit der Akte ein `delete`, der Inhalt antwortet 404. ' +
            'Ausgehende Schreiben haben kein Papieroriginal und sind kein Scan: beides `rejected` (422).',
          requestBody: { required: true, content: json('MutationBatchRequest') },
          responses: {
            '200': { description: 'Ein Ergebnis je Änderung, in Reihenfolge', content: json('MutationBatchResponse') },
            ...authErrors,
            '413': problem('Anfrage zu groß'),
          },
        },
      },
      '/letters': {
        post: {
          operationId: 'sendLetter',
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['meta', 'pdf'],
                  properties: {
                    meta: { ...ref('LetterMeta'), description: 'JSON' },
                    pdf: { type: 'string', contentMediaType: 'application/pdf', maxLength: MAX_LETTER_PDF_BYTES },
                  },
                },
              },
            },
          },
          responses: {
            '201': { description: 'Angenommen (auch bei Wiederholung)', content: json('LetterAccepted') },
            ...authErrors,
            '404': problem('Akte oder Empfänger nicht gefunden'),
            '413': problem('PDF zu groß'),
            '415': problem('Kein multipart/form-data'),
            '422': problem('Kein PDF, oder dieselbe Kennung mit anderem Inhalt'),
          },
        },
      },
      '/letters/{id}': {
        get: {
          operationId: 'letterStatus',
          parameters: [idParam('id')],
          responses: {
            '200': { description: 'Versandstatus', content: json('LetterStatus') },
            ...authErrors,
            '404': problem('Schreiben nicht gefunden'),
          },
        },
      },
      '/audit': {
        post: {
          operationId: 'audit',
          requestBody: { required: true, content: json('AuditBatchRequest') },
          responses: {
            '200': { description: 'Ein Ergebnis je Ereignis', content: json('AuditBatchResponse') },
            ...authErrors,
          },
        },
        get: {
          operationId: 'caseAudit',
          description:
            'Nur für Datenschutzbeauftragte (Rolle `dpo`), für Auskünfte nach Art. 15 DSGVO: wer eine Akte ' +
            'wann angesehen oder geändert hat, ältestes zuerst. Jede Abfrage wird selbst protokolliert ' +
            '(`case.audit-read`) und erscheint in ihrer eigenen Antwort.',
          parameters: [
            {
              name: 'caseId',
              in: 'query',
              required: true,
              schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' },
            },
          ],
          responses: {
            '200': { description: 'Das Protokoll der Akte', content: json('CaseAuditResponse') },
            ...authErrors,
            '403': problem('Nicht in der Rolle Datenschutzbeauftragte(r)'),
            '404': problem('Akte nicht gefunden'),
          },
        },
      },
      '/health': {
        get: {
          operationId: 'health',
          security: [],
          responses: { '200': { description: 'Betriebsbereit', content: json('Health') } },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: componentSchemas(),
    },
  };
}
