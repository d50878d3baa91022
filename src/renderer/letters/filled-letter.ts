/**
 * A letter with every placeholder resolved: exactly what goes on paper, and the only input of the
 * PDF renderer. Rendering the same filled letter with the same fonts and creation time gives the
 * same bytes, so the preview is the letter that is sent and filed.
 */
import type { CaseId, PersonId } from '../../shared/domain/ids.ts';
import type { Office } from './office.ts';

export type Run = { readonly text: string; readonly bold: boolean };

export type TextLineStyle = 'plain' | 'heading' | 'bullet';

/** A line as written (a hard line break ends it); the layout may wrap it further. */
export type TextLine = { readonly style: TextLineStyle; readonly runs: readonly Run[] };

/** Lines without an empty line between them; paragraphs are set one empty line apart. */
export type Paragraph = { readonly lines: readonly TextLine[] };

export type InfoRow = { readonly label: string; readonly value: string };

export type FilledLetter = {
  readonly templateId: string;
  readonly caseId: CaseId;
  readonly recipientPersonId: PersonId;
  readonly subject: string;
  /** ISO date the letter is dated with. */
  readonly date: string;
  /** The case worker's name; also the PDF's author. */
  readonly author: string;
  readonly office: Office;
  readonly endorsements: readonly string[];
  readonly addressLines: readonly string[];
  readonly infoBlock: readonly InfoRow[];
  /** BG number and date under the address field, repeated at the head of following pages. */
  readonly referenceLine: string;
  readonly body: readonly Paragraph[];
};
