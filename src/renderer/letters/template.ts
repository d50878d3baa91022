/**
 * A parsed letter template: what a `*.vorlage.txt` file in `assets/letters/` says, checked and
 * ready to fill. The format is described in `assets/letters/README.md`; `parse-template.ts`
 * builds this, `fill-template.ts` reads it.
 */
export type FieldType = 'text' | 'datum' | 'uhrzeit' | 'freitext';
export const FIELD_TYPES: readonly FieldType[] = ['text', 'datum', 'uhrzeit', 'freitext'];

/** A value the case worker types in; the composer screen builds its form from these. */
export type TemplateField = {
  readonly id: string;
  readonly type: FieldType;
  readonly required: boolean;
  /** German label for the form, written by the template's author. */
  readonly label: string;
  readonly line: number;
};

/** `lang` writes a date out with weekday and month name ("Montag, 12. Mai 2025"). */
export type PlaceholderFormat = 'lang';

export type Inline =
  | { readonly kind: 'text'; readonly text: string; readonly bold: boolean }
  | {
      readonly kind: 'placeholder';
      readonly name: string;
      readonly format: PlaceholderFormat | undefined;
      readonly bold: boolean;
    };

export type LineStyle = 'plain' | 'heading' | 'bullet';

export type BodyNode =
  | { readonly kind: 'line'; readonly line: number; readonly style: LineStyle; readonly parts: readonly Inline[] }
  | { readonly kind: 'blank'; readonly line: number }
  | { readonly kind: 'freetext'; readonly line: number; readonly fieldId: string }
  | { readonly kind: 'when'; readonly line: number; readonly fieldId: string; readonly children: readonly BodyNode[] };

export type LetterTemplate = {
  readonly id: string;
  readonly file: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly subject: readonly Inline[];
  readonly fields: readonly TemplateField[];
  /** Endorsement lines above the address ("Persönlich/Vertraulich"), at most four. */
  readonly endorsements: readonly string[];
  readonly body: readonly BodyNode[];
};

/** Placeholders filled from the case, the recipient, the user, the office and the date. */
export const CONTEXT_PLACEHOLDERS = [
  'akte.bg_nummer',
  'empfaenger.anrede',
  'empfaenger.name',
  'empfaenger.vorname',
  'empfaenger.nachname',
  'empfaenger.strasse',
  'empfaenger.plz',
  'empfaenger.ort',
  'bearbeiter.name',
  'bearbeiter.telefon',
  'bearbeiter.email',
  'dienststelle.name',
  'dienststelle.strasse',
  'dienststelle.plz',
  'dienststelle.ort',
  'dienststelle.anschrift',
  'dienststelle.telefon',
  'dienststelle.email',
  'dienststelle.internet',
  'dienststelle.oeffnungszeiten',
  'brief.datum',
] as const;
export type ContextPlaceholder = (typeof CONTEXT_PLACEHOLDERS)[number];

/** Placeholders whose value is a date, so `:lang` applies. */
export const DATE_CONTEXT_PLACEHOLDERS: readonly ContextPlaceholder[] = ['brief.datum'];

export const FIELD_PREFIX = 'feld.';
