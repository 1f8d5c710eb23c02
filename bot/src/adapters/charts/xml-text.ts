// XML 1.0 cannot hold control characters other than tab and line breaks, the two non-characters
// U+FFFE and U+FFFF, or half a surrogate pair. A name pasted from elsewhere may hold any of them,
// and an SVG that holds one cannot be drawn as a PNG.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text with every character XML cannot hold left out. */
export const xmlText = (text: string): string => text.replace(NOT_XML, "");
