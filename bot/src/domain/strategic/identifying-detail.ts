// The register, the forward plan and their agenda sections are read by every member of the
// strategic panel and go into its papers, so they refer to cases by reference only. What a
// person types there is checked for the plainest signs of a child's identifying details: a date
// of birth, a full UK postcode, a house address. It cannot catch a name, so the forms say so too.

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
