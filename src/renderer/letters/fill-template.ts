/**
 * Fills a parsed template from the context and the case worker's fields. It never refuses: what
 * is missing or malformed is collected for the checks, and the letter is still built so the
 * preview shows where the gap is.
 */
import { formatDate, formatDateLong, isIsoDate, isTime } from './dates.ts';
import type { FilledLetter, InfoRow, Paragraph, Run, TextLine } from './filled-letter.ts';
import type { FieldValues, LetterContext } from './letter-context.ts';
import { INFO_LABELS, addressName, referenceLine, salutation } from './letter-wording.ts';
import {
  FIELD_PREFIX,
  type BodyNode,
  type ContextPlaceholder,
  type Inline,
  type LetterTemplate,
  type TemplateField,
} from './template.ts';

export type FillResult = {
  readonly letter: FilledLetter;
  /** Placeholders that resolved to nothing, and `{{…}}` / `[[…]]` marks left in typed text. */
  readonly unfilled: readonly string[];
  readonly missingFields: readonly TemplateField[];
  readonly invalidFields: readonly TemplateField[];
  readonly hasAddress: boolean;
};

type Item = { readonly kind: 'line'; readonly line: TextLine } | { readonly kind: 'blank' };

const LEFTOVER_MARK = /\{\{[^}]*\}\}|\[\[[^\]]*\]\]/g;

/**
 * Text as typed or pasted, made safe to print: NFC (an "ä" pasted as "a" plus a combining mark
 * becomes one character), no soft hyphens or zero-width characters (a font would print some of
 * them visibly), tabs as spaces, no other control characters.
 */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\t/g, ' ')
    .split('')
    .filter((ch) => ch === '\n' || !isControl(ch.charCodeAt(0)))
    .join('');
}

const isControl = (code: number): boolean => code < 0x20 || (code >= 0x7f && code <= 0x9f);

const singleLine = (text: string): string => cleanText(text).replace(/\s+/g, ' ').trim();

export function fillTemplate(template: LetterTemplate, context: LetterContext, fields: FieldValues): FillResult {
  const unfilled = new Set<string>();
  const missingFields: TemplateField[] = [];
  const invalidFields: TemplateField[] = [];
  const fieldById = new Map(template.fields.map((f) => [f.id, f]));
  const valueOf = (id: string): string => {
    const field = fieldById.get(id);
    const raw = cleanText(fields[id] ?? '');
    return field?.type === 'freitext' ? raw.replace(/\s+$/, '').replace(/^\s*\n/, '') : singleLine(raw);
  };

  for (const field of template.fields) {
    const value = valueOf(field.id);
    if (value === '') {
      if (field.required) missingFields.push(field);
      continue;
    }
    if ((field.type === 'datum' && !isIsoDate(value)) || (field.type === 'uhrzeit' && !isTime(value))) {
      invalidFields.push(field);
    }
    for (const mark of value.match(LEFTOVER_MARK) ?? []) unfilled.add(mark);
  }

  const recipient = context.recipient;
  const address = recipient.address;
  const hasAddress =
    address !== undefined && [address.street, address.postalCode, address.city].every((v) => singleLine(v) !== '');
  const first = singleLine(recipient.firstName);
  const last = singleLine(recipient.lastName);
  const office = context.office;
  const phone = singleLine(context.user.phone ?? '') || office.phone;
  const email = singleLine(context.user.email ?? '') || office.email;
  const contextValues: Record<ContextPlaceholder, string> = {
    'akte.bg_nummer': context.case.bgNumber,
    'empfaenger.anrede': first || last ? salutation(first, last, recipient.formOfAddress) : '',
    'empfaenger.name': `${first} ${last}`.trim(),
    'empfaenger.vorname': first,
    'empfaenger.nachname': last,
    'empfaenger.strasse': singleLine(address?.street ?? ''),
    'empfaenger.plz': singleLine(address?.postalCode ?? ''),
    'empfaenger.ort': singleLine(address?.city ?? ''),
    'bearbeiter.name': singleLine(context.user.displayName),
    'bearbeiter.telefon': phone,
    'bearbeiter.email': email,
    'dienststelle.name': office.name,
    'dienststelle.strasse': office.street,
    'dienststelle.plz': office.postalCode,
    'dienststelle.ort': office.city,
    'dienststelle.anschrift': `${office.street}, ${office.postalCode} ${office.city}`,
    'dienststelle.telefon': office.phone,
    'dienststelle.email': office.email,
    'dienststelle.internet': office.web ?? '',
    'dienststelle.oeffnungszeiten': office.openingHours ?? '',
    'brief.datum': isIsoDate(context.date) ? context.date : '',
  };

  const resolve = (part: Extract<Inline, { kind: 'placeholder' }>): string => {
    const isField = part.name.startsWith(FIELD_PREFIX);
    const id = part.name.slice(FIELD_PREFIX.length);
    const value = isField ? valueOf(id) : contextValues[part.name as ContextPlaceholder];
    // A missing field is reported as such; only context values count as unfilled placeholders.
    if (value === '' && !isField) unfilled.add(part.name);
    const isDate = isField ? fieldById.get(id)?.type === 'datum' : part.name === 'brief.datum';
    if (!isDate || !isIsoDate(value)) return value;
    return part.format === 'lang' ? formatDateLong(value) : formatDate(value);
  };

  const runsOf = (parts: readonly Inline[]): Run[] => {
    const runs: Run[] = [];
    for (const part of parts) {
      const text = part.kind === 'text' ? part.text : resolve(part);
      const last = runs.at(-1);
      if (last && last.bold === part.bold) runs[runs.length - 1] = { text: last.text + text, bold: part.bold };
      else if (text !== '') runs.push({ text, bold: part.bold });
    }
    return runs;
  };

  const items: Item[] = [];
  const walk = (nodes: readonly BodyNode[]): void => {
    for (const node of nodes) {
      switch (node.kind) {
        case 'blank':
          items.push({ kind: 'blank' });
          break;
        case 'line':
          items.push({ kind: 'line', line: { style: node.style, runs: runsOf(node.parts) } });
          break;
        case 'freetext':
          items.push(...freeTextItems(valueOf(node.fieldId)));
          break;
        case 'when':
          if (valueOf(node.fieldId) !== '') walk(node.children);
          break;
      }
    }
  };
  walk(template.body);

  const subject = singleLine(
    runsOf(template.subject)
      .map((r) => r.text)
      .join(''),
  );
  const infoBlock: InfoRow[] = [
    ...(context.yourReference && singleLine(context.yourReference) !== ''
      ? [{ label: INFO_LABELS.yourReference, value: singleLine(context.yourReference) }]
      : []),
    { label: INFO_LABELS.ourReference, value: context.case.bgNumber },
    { label: INFO_LABELS.name, value: singleLine(context.user.displayName) },
    { label: INFO_LABELS.phone, value: phone },
    { label: INFO_LABELS.email, value: email },
    { label: INFO_LABELS.date, value: formatDate(context.date) },
  ];
  const addressLines = [
    addressName(first, last, recipient.formOfAddress),
    ...(hasAddress && address
      ? [singleLine(address.street), `${singleLine(address.postalCode)} ${singleLine(address.city)}`]
      : []),
  ];

  const letter: FilledLetter = {
    templateId: template.id,
    caseId: context.case.id,
    recipientPersonId: recipient.id,
    subject,
    date: context.date,
    author: singleLine(context.user.displayName),
    office,
    endorsements: template.endorsements,
    addressLines,
    infoBlock,
    referenceLine: referenceLine(context.case.bgNumber, context.date),
    body: paragraphs(items),
  };
  return { letter, unfilled: [...unfilled], missingFields, invalidFields, hasAddress };
}

/** Free text as typed: an empty line starts a paragraph, `- ` or `• ` starts a list item. */
function freeTextItems(text: string): Item[] {
  if (text === '') return [];
  return text.split('\n').map((raw): Item => {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') return { kind: 'blank' };
    const bullet = /^\s*[-•]\s+(.*)$/.exec(line);
    return bullet
      ? { kind: 'line', line: { style: 'bullet', runs: [{ text: bullet[1]!, bold: false }] } }
      : { kind: 'line', line: { style: 'plain', runs: [{ text: line, bold: false }] } };
  });
}

function paragraphs(items: readonly Item[]): Paragraph[] {
  const out: Paragraph[] = [];
  let lines: TextLine[] = [];
  for (const item of items) {
    if (item.kind === 'blank') {
      if (lines.length > 0) out.push({ lines });
      lines = [];
    } else {
      lines.push(item.line);
    }
  }
  if (lines.length > 0) out.push({ lines });
  return out;
}
