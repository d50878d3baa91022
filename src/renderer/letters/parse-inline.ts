/**
 * One line of template text into its parts: literal text, `{{name}}` / `{{name:lang}}`
 * placeholders and `**bold**` spans. Names are checked later against the declared fields;
 * here only the syntax is.
 */
import type { Inline } from './template.ts';
import { LetterTemplateError } from './template-error.ts';

const NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

export function parseInline(text: string, file: string, line: number, allowBold: boolean): Inline[] {
  const parts: Inline[] = [];
  let bold = false;
  let buffer = '';
  const flush = () => {
    if (buffer !== '') parts.push({ kind: 'text', text: buffer, bold });
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('{{', i)) {
      const end = text.indexOf('}}', i + 2);
      if (end < 0) throw new LetterTemplateError('placeholder-unclosed', file, line, { column: i + 1 });
      const inner = text.slice(i + 2, end).trim();
      const [name = '', format, ...rest] = inner.split(':').map((s) => s.trim());
      if (!NAME.test(name) || rest.length > 0) {
        throw new LetterTemplateError('placeholder-unknown', file, line, { placeholder: inner });
      }
      if (format !== undefined && format !== 'lang') {
        throw new LetterTemplateError('placeholder-format-invalid', file, line, { placeholder: name, format });
      }
      flush();
      parts.push({ kind: 'placeholder', name, format, bold });
      i = end + 2;
    } else if (allowBold && text.startsWith('**', i)) {
      flush();
      bold = !bold;
      i += 2;
    } else if (text.startsWith('[[', i)) {
      throw new LetterTemplateError('block-not-alone', file, line);
    } else {
      buffer += text[i];
      i += 1;
    }
  }
  if (bold) throw new LetterTemplateError('bold-unbalanced', file, line);
  flush();
  return parts;
}
