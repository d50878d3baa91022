/**
 * Parses a letter template file (`<id>.vorlage.txt`): front matter between `---` lines, then the
 * body. Anything that would make a letter go out wrong is refused here, with file and line, so a
 * job centre learns of a broken template when it adds it, not when a case worker writes a letter.
 */
import { parseHeaderLines, requireValue, optionalValue, splitLines, type HeaderSpec } from './header-lines.ts';
import { parseInline } from './parse-inline.ts';
import {
  CONTEXT_PLACEHOLDERS,
  DATE_CONTEXT_PLACEHOLDERS,
  FIELD_PREFIX,
  FIELD_TYPES,
  type BodyNode,
  type FieldType,
  type Inline,
  type LetterTemplate,
  type LineStyle,
  type TemplateField,
} from './template.ts';
import { LetterTemplateError } from './template-error.ts';

export const TEMPLATE_FILE_SUFFIX = '.vorlage.txt';
/** The REST contract allows letters and dots too; ours stay simple enough for file names. */
const TEMPLATE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const FIELD_ID = /^[a-z][a-z0-9_]{0,39}$/;
const MAX_ENDORSEMENTS = 4;

const HEADER: HeaderSpec = {
  id: 'single',
  titel: 'single',
  beschreibung: 'single',
  betreff: 'single',
  feld: 'repeatable',
  vermerk: 'repeatable',
};

export function parseTemplate(file: string, text: string): LetterTemplate {
  const lines = splitLines(text);
  if (lines[0]?.trim() !== '---') throw new LetterTemplateError('front-matter-missing', file, 1);
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close < 0) throw new LetterTemplateError('front-matter-unterminated', file, lines.length);
  const closeLine = close + 1;
  const header = parseHeaderLines(file, lines.slice(1, close), 2, HEADER);

  const id = requireValue(header, 'id', file, closeLine);
  if (!TEMPLATE_ID.test(id.value)) throw new LetterTemplateError('id-invalid', file, id.line, { id: id.value });
  const expectedId = baseName(file);
  if (expectedId !== undefined && expectedId !== id.value) {
    throw new LetterTemplateError('id-mismatch', file, id.line, { id: id.value, expected: expectedId });
  }
  const title = requireValue(header, 'titel', file, closeLine).value;
  const subjectEntry = requireValue(header, 'betreff', file, closeLine);
  const subject = parseInline(subjectEntry.value, file, subjectEntry.line, false);
  const fields = parseFields(file, header.get('feld') ?? []);
  const endorsements = header.get('vermerk') ?? [];
  if (endorsements.length > MAX_ENDORSEMENTS) {
    throw new LetterTemplateError('endorsements-too-many', file, endorsements[MAX_ENDORSEMENTS]!.line, {
      max: MAX_ENDORSEMENTS,
    });
  }

  const body = parseBody(file, lines.slice(close + 1), closeLine + 1);
  if (!body.some((n) => n.kind !== 'blank')) throw new LetterTemplateError('body-empty', file, closeLine);

  const used = new Set<string>();
  const fieldsById = new Map(fields.map((f) => [f.id, f]));
  checkInlines(subject, subjectEntry.line, new Set(), fieldsById, used, file);
  checkNodes(body, new Set(), fieldsById, used, file);
  for (const field of fields) {
    if (!used.has(field.id)) throw new LetterTemplateError('field-unused', file, field.line, { field: field.id });
  }

  return {
    id: id.value,
    file,
    title,
    description: optionalValue(header, 'beschreibung'),
    subject,
    fields,
    endorsements: endorsements.map((e) => e.value),
    body,
  };
}

/** `einladung.vorlage.txt` → `einladung`; undefined when the name does not follow the pattern. */
function baseName(file: string): string | undefined {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.endsWith(TEMPLATE_FILE_SUFFIX) ? name.slice(0, -TEMPLATE_FILE_SUFFIX.length) : undefined;
}

/** `feld: id | typ | Pflicht/optional | Bezeichnung` */
function parseFields(file: string, entries: readonly { value: string; line: number }[]): TemplateField[] {
  const fields: TemplateField[] = [];
  for (const { value, line } of entries) {
    const parts = value.split('|').map((p) => p.trim());
    if (parts.length !== 4 || parts.some((p) => p === '')) throw new LetterTemplateError('field-malformed', file, line);
    const [id, type, requirement, label] = parts as [string, string, string, string];
    if (!FIELD_ID.test(id)) throw new LetterTemplateError('field-malformed', file, line, { field: id });
    if (!FIELD_TYPES.includes(type as FieldType)) {
      throw new LetterTemplateError('field-type-unknown', file, line, { field: id, type });
    }
    const req = requirement.toLowerCase();
    if (req !== 'pflicht' && req !== 'optional') {
      throw new LetterTemplateError('field-requirement-unknown', file, line, { field: id, requirement });
    }
    const first = fields.find((f) => f.id === id);
    if (first) throw new LetterTemplateError('field-duplicate', file, line, { field: id, firstLine: first.line });
    fields.push({ id, type: type as FieldType, required: req === 'pflicht', label, line });
  }
  return fields;
}

type OpenBlock = { readonly fieldName: string; readonly line: number; readonly children: BodyNode[] };

function parseBody(file: string, lines: readonly string[], firstLine: number): BodyNode[] {
  const root: BodyNode[] = [];
  const stack: OpenBlock[] = [];
  const target = () => stack.at(-1)?.children ?? root;
  lines.forEach((raw, index) => {
    const line = firstLine + index;
    const text = raw.replace(/\s+$/, '');
    const block = /^\s*\[\[(.*)\]\]\s*$/.exec(text);
    if (block) {
      const inner = block[1]!.trim();
      const freetext = /^freitext\s*:\s*(\S+)$/i.exec(inner);
      const when = /^wenn\s+(\S+)$/i.exec(inner);
      if (freetext) {
        target().push({ kind: 'freetext', line, fieldId: fieldIdOf(`${FIELD_PREFIX}${freetext[1]!}`, file, line) });
      } else if (when) {
        stack.push({ fieldName: when[1]!, line, children: [] });
      } else if (/^ende$/i.test(inner)) {
        const open = stack.pop();
        if (!open) throw new LetterTemplateError('block-end-unexpected', file, line);
        target().push({
          kind: 'when',
          line: open.line,
          fieldId: fieldIdOf(open.fieldName, file, open.line),
          children: open.children,
        });
      } else {
        throw new LetterTemplateError('block-unknown', file, line, { block: inner.slice(0, 40) });
      }
      return;
    }
    if (text.trim() === '') {
      target().push({ kind: 'blank', line });
      return;
    }
    let style: LineStyle = 'plain';
    let content = text;
    if (/^#\s/.test(text)) {
      style = 'heading';
      content = text.replace(/^#\s+/, '');
    } else if (/^-\s/.test(text)) {
      style = 'bullet';
      content = text.replace(/^-\s+/, '');
    }
    target().push({ kind: 'line', line, style, parts: parseInline(content, file, line, true) });
  });
  const unclosed = stack[0];
  if (unclosed) throw new LetterTemplateError('block-unclosed', file, unclosed.line);
  return root;
}

/** `[[wenn feld.x]]` and `[[Freitext: x]]` both name a declared field. */
function fieldIdOf(name: string, file: string, line: number): string {
  if (!name.startsWith(FIELD_PREFIX)) throw new LetterTemplateError('block-unknown', file, line, { block: name });
  return name.slice(FIELD_PREFIX.length);
}

function checkNodes(
  nodes: readonly BodyNode[],
  guarded: ReadonlySet<string>,
  fields: ReadonlyMap<string, TemplateField>,
  used: Set<string>,
  file: string,
): void {
  for (const node of nodes) {
    switch (node.kind) {
      case 'blank':
        break;
      case 'line':
        checkInlines(node.parts, node.line, guarded, fields, used, file);
        break;
      case 'freetext': {
        const field = declared(node.fieldId, fields, file, node.line);
        if (field.type !== 'freitext') {
          throw new LetterTemplateError('field-type-mismatch', file, node.line, { field: field.id, type: field.type });
        }
        used.add(field.id);
        break;
      }
      case 'when': {
        const field = declared(node.fieldId, fields, file, node.line);
        used.add(field.id);
        checkNodes(node.children, new Set([...guarded, field.id]), fields, used, file);
        break;
      }
    }
  }
}

function checkInlines(
  parts: readonly Inline[],
  line: number,
  guarded: ReadonlySet<string>,
  fields: ReadonlyMap<string, TemplateField>,
  used: Set<string>,
  file: string,
): void {
  for (const part of parts) {
    if (part.kind !== 'placeholder') continue;
    if (part.name.startsWith(FIELD_PREFIX)) {
      const field = declared(part.name.slice(FIELD_PREFIX.length), fields, file, line);
      if (field.type === 'freitext') {
        throw new LetterTemplateError('field-type-mismatch', file, line, { field: field.id, type: field.type });
      }
      if (!field.required && !guarded.has(field.id)) {
        throw new LetterTemplateError('optional-field-unguarded', file, line, { field: field.id });
      }
      if (part.format === 'lang' && field.type !== 'datum') {
        throw new LetterTemplateError('placeholder-format-invalid', file, line, {
          placeholder: part.name,
          format: 'lang',
        });
      }
      used.add(field.id);
    } else {
      const known = (CONTEXT_PLACEHOLDERS as readonly string[]).includes(part.name);
      if (!known) throw new LetterTemplateError('placeholder-unknown', file, line, { placeholder: part.name });
      if (part.format === 'lang' && !(DATE_CONTEXT_PLACEHOLDERS as readonly string[]).includes(part.name)) {
        throw new LetterTemplateError('placeholder-format-invalid', file, line, {
          placeholder: part.name,
          format: 'lang',
        });
      }
    }
  }
}

function declared(id: string, fields: ReadonlyMap<string, TemplateField>, file: string, line: number): TemplateField {
  const field = fields.get(id);
  if (!field) throw new LetterTemplateError('field-undeclared', file, line, { field: id });
  return field;
}
