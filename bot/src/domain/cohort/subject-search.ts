import { digest, squash } from "../referrals/duplicates.js";

// How a coordinator finds a subject of the area: by its reference, by any whole word of its name
// (a child's surname, a group's name, a street), or a place by its postcode or postcode district.
// Words are compared as duplicates are, with case, accents and punctuation ignored, and are kept
// as digests in storage keys, as match keys are, so no key shows a name or an address.

const MAX_WORDS = 8;
const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/;

/** The words a subject is found by: each word of two letters or more of its name, up to eight. */
export const nameWords = (label: string): string[] =>
  [...new Set(squash(label).split(" "))].filter((w) => w.length >= 2).slice(0, MAX_WORDS);

/** The keys a subject is found by: a digest of each name word, and of its postcode and district. */
export function searchKeys(s: { label: string; postcode?: string | undefined }): {
  words: string[];
  postcodes: string[];
} {
  const postcodes = s.postcode ? [s.postcode, s.postcode.slice(0, -3)] : [];
  return { words: nameWords(s.label).map(wordKey), postcodes: postcodes.map(postcodeKey) };
}
export const wordKey = (word: string): string => digest(`word|${word}`);
export const postcodeKey = (postcode: string): string => digest(`postcode|${postcode}`);

/** A full UK postcode as stored (capitals, no spaces), or undefined when the text is not one. */
export function postcodeOf(text: string): string | undefined {
  const compact = text.replace(/\s+/g, "").toUpperCase();
  return POSTCODE.test(compact) ? compact : undefined;
}

export type SearchPlan =
  | { by: "reference"; reference: string }
  | { by: "postcode"; postcode: string }
  | { by: "word"; word: string; rest: string[] };

/**
 * What a search box's text asks for: a reference ("MER-2026-0042"), a postcode or its district
 * ("SW19 1AA", "SW19"), or words of a name, looked up by the longest and checked for the others.
 */
export function searchPlan(text: string): SearchPlan | undefined {
  const trimmed = text.trim();
  if (/^[A-Za-z]{3}-(S-)?\d{4}-\d+$/.test(trimmed))
    return { by: "reference", reference: trimmed.toUpperCase() };
  const full = postcodeOf(trimmed);
  if (full) return { by: "postcode", postcode: full };
  if (/^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?$/.test(trimmed))
    return { by: "postcode", postcode: trimmed.toUpperCase() };
  const words = squash(trimmed)
    .split(" ")
    .filter((w) => w.length >= 2);
  const [word, ...rest] = [...words].sort((a, b) => b.length - a.length);
  return word ? { by: "word", word, rest } : undefined;
}

/** Whether a subject's name has every other word asked for, each as the start of one of its words. */
export const nameMatches = (label: string, words: string[]): boolean => {
  const have = squash(label).split(" ");
  return words.every((w) => have.some((h) => h.startsWith(w)));
};
