/**
 * German texts for the letter engine's codes (keys start with `letters.`): every problem the
 * checks report, every way a template or the office file can be refused, every render error.
 * The compiler checks that each code has its text.
 */
import type { LetterProblemCode } from './problems.ts';
import type { LetterRenderErrorCode } from './render-error.ts';
import type { TemplateErrorCode } from './template-error.ts';

export type LettersMessageKey =
  | `letters.problem.${LetterProblemCode}`
  | `letters.templateError.${TemplateErrorCode}`
  | `letters.renderError.${LetterRenderErrorCode}`
  | 'letters.templateError.where';

export const lettersDe = {
  'letters.problem.recipient-without-address':
    'Für diese Person ist keine Postanschrift gespeichert. Ergänzen Sie die Anschrift in der Akte oder wählen Sie einen anderen Empfänger.',
  'letters.problem.address-too-many-lines':
    'Die Anschrift hat {lines} Zeilen; in das Fenster des Umschlags passen höchstens {max}. Kürzen Sie die Anschrift.',
  'letters.problem.address-blank-line':
    'Zeile {line} der Anschrift ist leer. Eine Anschrift darf keine Leerzeilen enthalten.',
  'letters.problem.address-line-too-long':
    'Zeile {line} der Anschrift („{text}“) ist {widthMm} mm breit und passt nicht in das Fenster des Umschlags (höchstens {maxMm} mm). Kürzen Sie sie, zum Beispiel mit üblichen Abkürzungen („Str.“).',
  'letters.problem.field-missing': 'Bitte füllen Sie das Pflichtfeld „{label}“ aus.',
  'letters.problem.field-invalid': 'Das Feld „{label}“ enthält kein gültiges Datum oder keine gültige Uhrzeit.',
  'letters.problem.subject-empty': 'Das Schreiben hat keinen Betreff. Bitte geben Sie einen Betreff an.',
  'letters.problem.subject-too-long':
    'Der Betreff ist {length} Zeichen lang; erlaubt sind höchstens {max}. Bitte kürzen Sie ihn.',
  'letters.problem.placeholder-unfilled':
    'Im Schreiben ist „{placeholder}“ nicht ausgefüllt. Ergänzen Sie die fehlende Angabe oder entfernen Sie den Platzhalter aus Ihrem Text.',
  'letters.problem.character-unsupported':
    'Das Zeichen „{character}“ ({codePoint}) kann im Schreiben nicht gedruckt werden. Bitte ersetzen Sie es, zum Beispiel durch eine Umschrift.',

  'letters.templateError.where': 'Die Briefvorlage „{file}“ ist in Zeile {line} fehlerhaft: {message}',
  'letters.templateError.front-matter-missing':
    'Die Datei muss mit einer Zeile „---“ beginnen, gefolgt von den Kopfangaben.',
  'letters.templateError.front-matter-unterminated':
    'Die Kopfangaben werden nicht mit einer Zeile „---“ abgeschlossen.',
  'letters.templateError.header-line-malformed':
    'Diese Zeile hat nicht die Form „Schlüssel: Wert“ oder der Wert ist ungültig.',
  'letters.templateError.header-key-unknown': 'Die Angabe „{key}“ ist unbekannt.',
  'letters.templateError.header-key-duplicate': 'Die Angabe „{key}“ steht mehrfach oder zu oft in der Datei.',
  'letters.templateError.header-key-missing': 'Die Pflichtangabe „{key}“ fehlt.',
  'letters.templateError.header-value-empty': 'Die Angabe „{key}“ hat keinen Wert.',
  'letters.templateError.id-invalid':
    'Die Kennung „{id}“ ist ungültig: erlaubt sind Kleinbuchstaben, Ziffern, „-“ und „_“.',
  'letters.templateError.id-mismatch': 'Die Kennung „{id}“ passt nicht zum Dateinamen; erwartet wird „{expected}“.',
  'letters.templateError.field-malformed':
    'Ein Feld wird so angegeben: „feld: kennung | typ | Pflicht oder optional | Bezeichnung“.',
  'letters.templateError.field-type-unknown':
    'Der Feldtyp „{type}“ ist unbekannt; möglich sind text, datum, uhrzeit und freitext.',
  'letters.templateError.field-requirement-unknown': 'Bei „{requirement}“ muss „Pflicht“ oder „optional“ stehen.',
  'letters.templateError.field-duplicate': 'Das Feld „{field}“ ist bereits in Zeile {firstLine} angegeben.',
  'letters.templateError.field-unused': 'Das Feld „{field}“ wird im Schreiben nirgends verwendet.',
  'letters.templateError.endorsements-too-many': 'Es sind höchstens {max} Vermerke möglich.',
  'letters.templateError.body-empty': 'Nach den Kopfangaben fehlt der Text des Schreibens.',
  'letters.templateError.placeholder-unclosed':
    'Ein Platzhalter wird nicht mit zwei schließenden geschweiften Klammern beendet.',
  'letters.templateError.placeholder-unknown': 'Den Platzhalter „{placeholder}“ gibt es nicht.',
  'letters.templateError.placeholder-format-invalid':
    'Die Schreibweise „{format}“ ist für „{placeholder}“ nicht möglich; „:lang“ gibt es nur bei Datumsangaben.',
  'letters.templateError.field-undeclared': 'Das Feld „{field}“ ist in den Kopfangaben nicht angegeben.',
  'letters.templateError.field-type-mismatch':
    'Das Feld „{field}“ (Typ {type}) passt hier nicht: Freitext steht als [[Freitext: …]] auf einer eigenen Zeile, alle anderen Felder als Platzhalter feld.… in doppelten geschweiften Klammern.',
  'letters.templateError.optional-field-unguarded':
    'Das optionale Feld „{field}“ darf nur innerhalb von [[wenn feld.{field}]] … [[ende]] stehen.',
  'letters.templateError.bold-unbalanced': 'Eine Hervorhebung mit „**“ wird in dieser Zeile nicht geschlossen.',
  'letters.templateError.block-unknown':
    'Die Anweisung [[{block}]] ist unbekannt; möglich sind [[Freitext: …]], [[wenn feld.…]] und [[ende]].',
  'letters.templateError.block-not-alone': 'Eine Anweisung in [[ ]] muss allein auf ihrer Zeile stehen.',
  'letters.templateError.block-unclosed': 'Zu dieser Anweisung [[wenn …]] fehlt das [[ende]].',
  'letters.templateError.block-end-unexpected': 'Zu diesem [[ende]] gibt es kein [[wenn …]].',

  'letters.renderError.character-unsupported':
    'Das Schreiben enthält das Zeichen „{character}“, das nicht gedruckt werden kann. Bitte ersetzen Sie es.',
} as const satisfies Record<LettersMessageKey, string>;
