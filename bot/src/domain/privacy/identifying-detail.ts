// Text that every member reads and that is kept apart from any child's record (the strategic
// register and forward plan, the notes of a meeting's fixed items, a correction to the minutes)
// refers to cases by reference only. What a person types there is checked for the plainest signs
// of a child's identifying details: a date of birth, a full UK postcode, a house address, and,
// where the names are known, the whole name of a subject the panel holds.

const DATE_OF_BIRTH = /\b(d\.?\s?o\.?\s?b\.?|date of birth|born on|born \d)/i;
const FULL_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i;
const HOUSE_ADDRESS =
  /\b\d{1,4}[a-z]?\s+[A-Z][a-z]+(\s+[A-Z][a-z]+)?\s+(road|street|avenue|lane|close|drive|crescent|gardens|terrace|way|court)\b/i;

/** What in the text looks identifying, in words for the person typing it; empty when nothing does. */
export function identifyingDetail(text: string): string[] {
  const found: string[] = [];
  if (DATE_OF_BIRTH.test(text)) found.push("a date of birth");
  if (FULL_POSTCODE.test(text)) found.push("a postcode");
  if (HOUSE_ADDRESS.test(text)) found.push("an address");
  return found;
}

export const IDENTIFYING_ADVICE =
  "Refer to a case by its reference only: no child's name, date of birth or address.";

/**
 * The names among `names` that the text holds whole, as words whatever their case. A family name
 * alone is not taken: many are words of their own ("Green", "Park") and name streets and estates.
 */
export function namesIn(text: string, names: string[]): string[] {
  const words = (s: string) =>
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}-]+/u)
      .filter(Boolean);
  const said = ` ${words(text).join(" ")} `;
  return names.filter((name) => {
    const parts = words(name);
    return parts.length > 0 && said.includes(` ${parts.join(" ")} `);
  });
}
