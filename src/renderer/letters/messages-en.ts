/** English texts of the letter engine's codes; every German key needs one (checked by the compiler). */
import type { lettersDe } from './messages-de.ts';

export const lettersEn: Record<keyof typeof lettersDe, string> = {
  'letters.problem.recipient-without-address':
    'No postal address is stored for this person. Add the address to the case file or choose another recipient.',
  'letters.problem.address-too-many-lines':
    'The address has {lines} lines; the envelope window holds at most {max}. Shorten the address.',
  'letters.problem.address-blank-line': 'Line {line} of the address is empty. An address must not contain empty lines.',
  'letters.problem.address-line-too-long':
    'Line {line} of the address ("{text}") is {widthMm} mm wide and does not fit the envelope window (at most {maxMm} mm). Shorten it, for example with the usual abbreviations ("Str.").',
  'letters.problem.field-missing': 'Please fill in the required field "{label}".',
  'letters.problem.field-invalid': 'The field "{label}" does not hold a valid date or time.',
  'letters.problem.subject-empty': 'The letter has no subject. Please enter a subject.',
  'letters.problem.subject-too-long':
    'The subject is {length} characters long; at most {max} are allowed. Please shorten it.',
  'letters.problem.placeholder-unfilled':
    '"{placeholder}" is not filled in the letter. Add the missing information or remove the placeholder from your text.',
  'letters.problem.character-unsupported':
    'The character "{character}" ({codePoint}) cannot be printed in the letter. Please replace it, for example with a transliteration.',

  'letters.templateError.where': 'The letter template "{file}" has an error in line {line}: {message}',
  'letters.templateError.front-matter-missing': 'The file must start with a line "---", followed by the header.',
  'letters.templateError.front-matter-unterminated': 'The header is not closed with a line "---".',
  'letters.templateError.header-line-malformed': 'This line is not of the form "key: value", or its value is invalid.',
  'letters.templateError.header-key-unknown': 'The entry "{key}" is unknown.',
  'letters.templateError.header-key-duplicate': 'The entry "{key}" appears more than once or too often.',
  'letters.templateError.header-key-missing': 'The required entry "{key}" is missing.',
  'letters.templateError.header-value-empty': 'The entry "{key}" has no value.',
  'letters.templateError.id-invalid': 'The id "{id}" is invalid: use lower-case letters, digits, "-" and "_".',
  'letters.templateError.id-mismatch': 'The id "{id}" does not match the file name; "{expected}" is expected.',
  'letters.templateError.field-malformed': 'A field is written as "feld: id | type | Pflicht or optional | label".',
  'letters.templateError.field-type-unknown':
    'The field type "{type}" is unknown; possible are text, datum, uhrzeit and freitext.',
  'letters.templateError.field-requirement-unknown': 'Instead of "{requirement}" write "Pflicht" or "optional".',
  'letters.templateError.field-duplicate': 'The field "{field}" is already declared in line {firstLine}.',
  'letters.templateError.field-unused': 'The field "{field}" is not used anywhere in the letter.',
  'letters.templateError.endorsements-too-many': 'At most {max} endorsements are possible.',
  'letters.templateError.body-empty': 'The text of the letter is missing after the header.',
  'letters.templateError.placeholder-unclosed': 'A placeholder is not closed with two closing curly braces.',
  'letters.templateError.placeholder-unknown': 'There is no placeholder "{placeholder}".',
  'letters.templateError.placeholder-format-invalid':
    'The format "{format}" is not possible for "{placeholder}"; ":lang" exists for dates only.',
  'letters.templateError.field-undeclared': 'The field "{field}" is not declared in the header.',
  'letters.templateError.field-type-mismatch':
    'The field "{field}" (type {type}) does not fit here: free text stands as [[Freitext: …]] on a line of its own, all other fields as placeholders feld.… in double curly braces.',
  'letters.templateError.optional-field-unguarded':
    'The optional field "{field}" may only be used inside [[wenn feld.{field}]] … [[ende]].',
  'letters.templateError.bold-unbalanced': 'A "**" emphasis is not closed in this line.',
  'letters.templateError.block-unknown':
    'The instruction [[{block}]] is unknown; possible are [[Freitext: …]], [[wenn feld.…]] and [[ende]].',
  'letters.templateError.block-not-alone': 'An instruction in [[ ]] must stand alone on its line.',
  'letters.templateError.block-unclosed': 'This [[wenn …]] has no [[ende]].',
  'letters.templateError.block-end-unexpected': 'This [[ende]] closes no [[wenn …]].',

  'letters.renderError.character-unsupported':
    'The letter contains the character "{character}", which cannot be printed. Please replace it.',
};
