import cytoscape from "cytoscape";
import type { SubjectMap } from "../../application/links/link-desk.js";
import { cutNotice, elementsOf, MAP_LAYOUT, MAP_STYLE, MARKING } from "../http/contract/map-drawing.js";
import { FONT, svgPngAside } from "./svg-png.js";
import { xmlText } from "./xml-text.js";

// The map around a subject as an image for a briefing: laid out by Cytoscape, headless, with the
// page's elements, style and layout, so the subjects are arranged as on the page; drawn as SVG the
// way the page draws them (shape and colour by kind, border by risk, a withheld subject grey by its
// reference alone, each link with its kind), marked above and below, and made a PNG. A map cut short
// to stay within its limit says so under the top marking, in the page's words.

/** A subject as laid out: where it sits and how it is drawn. */
interface Placed {
  id: string;
  x: number;
  y: number;
  size: number;
  centre: boolean;
  caption: string;
  fill: string;
  shape: string;
  border: string;
  borderWidth: number;
  borderStyle: string;
}

interface Line {
  source: string;
  target: string;
  caption: string;
  colour: string;
  lineStyle: string;
}

const LABEL_SIZE = 11;
const EDGE_LABEL_SIZE = 9;
const LABEL_WIDTH = 140;
const LINE_HEIGHT = 13;
/** The page's spacing between links drawn between the same two subjects. */
const PARALLEL_STEP = 40;
const SPREAD = 1.8;
const MARGIN = 24;
const BAND = 24;
/** Twice the page's size, as the tab's image was; never wider or taller than this in pixels. */
const ZOOM = 2;
const MOST_PIXELS = 4000;
const TEXT = "#201F1E";
const MARK = "#A4262C";

const NOTICE_SIZE = 11;

const escaped = (text: string) => xmlText(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const n = (value: number) => Number(value.toFixed(1));
/** About how wide DejaVu Sans sets the text: enough to wrap a caption and leave it room. */
const widthOf = (text: string, size: number) => text.length * size * 0.62;

/** A caption's lines, broken where it breaks (Word's line break is a vertical tab) and wrapped at
 * the page's width on spaces. */
function wrapped(caption: string): string[] {
  return caption.split(/\r\n|[\n\v\f\r]/).flatMap((line) => {
    const lines: string[] = [];
    for (const word of xmlText(line).split(" ")) {
      const last = lines[lines.length - 1];
      if (last !== undefined && widthOf(`${last} ${word}`, LABEL_SIZE) <= LABEL_WIDTH)
        lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    return lines;
  });
}

/** The subjects and links where the page's layout puts them. */
function laidOut(map: SubjectMap): { nodes: Placed[]; edges: Line[] } {
  const cy = cytoscape({ headless: true, styleEnabled: true, elements: elementsOf(map), style: MAP_STYLE });
  try {
    // The page's arrangement spread wider: a still picture cannot be zoomed to part its labels.
    cy.layout({ ...MAP_LAYOUT, spacingFactor: SPREAD }).run();
    const nodes = cy.nodes().map((node) => ({
      ...(node.data() as Omit<Placed, "x" | "y" | "size" | "centre">),
      x: node.position("x"),
      y: node.position("y"),
      size: node.width(),
      centre: node.hasClass("centre"),
    }));
    const edges = cy.edges().map((edge) => edge.data() as Line);
    return { nodes, edges };
  } finally {
    cy.destroy();
  }
}

function shapeOf(p: Placed): string {
  const r = p.size / 2;
  const points = (pts: [number, number][]) =>
    `<polygon points="${pts.map(([x, y]) => `${n(p.x + x * r)},${n(p.y + y * r)}`).join(" ")}"`;
  switch (p.shape) {
    case "diamond":
      return points([
        [0, -1],
        [1, 0],
        [0, 1],
        [-1, 0],
      ]);
    case "hexagon":
      return points([
        [-1, 0],
        [-0.5, -1],
        [0.5, -1],
        [1, 0],
        [0.5, 1],
        [-0.5, 1],
      ]);
    case "round-rectangle":
      return `<rect x="${n(p.x - r)}" y="${n(p.y - r)}" width="${n(p.size)}" height="${n(p.size)}" rx="${n(Math.min(p.size / 4, 8))}"`;
    default:
      return `<circle cx="${n(p.x)}" cy="${n(p.y)}" r="${n(r)}"`;
  }
}

const outlined = (size: number) =>
  `font-size="${size}" fill="${TEXT}" stroke="#FFFFFF" stroke-width="4" stroke-linejoin="round" paint-order="stroke"`;

function nodeSvg(p: Placed): string {
  const dash = p.borderStyle === "dashed" ? ` stroke-dasharray="4 3"` : "";
  const shape = `${shapeOf(p)} fill="${p.fill}" stroke="${p.border}" stroke-width="${p.borderWidth}"${dash}/>`;
  const top = p.y + p.size / 2 + 4;
  const lines = wrapped(p.caption).map(
    (line, i) => `<tspan x="${n(p.x)}" y="${n(top + LABEL_SIZE + i * LINE_HEIGHT)}">${escaped(line)}</tspan>`,
  );
  const weight = p.centre ? ` font-weight="bold"` : "";
  return `${shape}<text text-anchor="middle" ${outlined(LABEL_SIZE)}${weight}>${lines.join("")}</text>`;
}

/** A link from one subject to another, curved apart from others between the same two. */
function edgeSvg(line: Line, from: Placed, to: Placed, offset: number): string {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  // The same side for both directions between two subjects, so their curves do not cross.
  const flip = from.id < to.id ? 1 : -1;
  const cx = (from.x + to.x) / 2 - (dy / length) * offset * 2 * flip;
  const cy = (from.y + to.y) / 2 + (dx / length) * offset * 2 * flip;
  const toward = (p: { x: number; y: number }, x: number, y: number, by: number) => {
    const d = Math.hypot(x - p.x, y - p.y) || 1;
    return { x: p.x + ((x - p.x) / d) * by, y: p.y + ((y - p.y) / d) * by };
  };
  const start = toward(from, cx, cy, from.size / 2 + 1);
  const tip = toward(to, cx, cy, to.size / 2 + 1);
  const back = toward(tip, cx, cy, 9);
  const ax = (tip.x - back.x) / 9;
  const ay = (tip.y - back.y) / 9;
  const arrow = [
    [tip.x, tip.y],
    [back.x - ay * 4, back.y + ax * 4],
    [back.x + ay * 4, back.y - ax * 4],
  ]
    .map(([x = 0, y = 0]) => `${n(x)},${n(y)}`)
    .join(" ");
  const dash = line.lineStyle === "dashed" ? ` stroke-dasharray="6 3"` : "";
  const path = `<path d="M${n(start.x)},${n(start.y)} Q${n(cx)},${n(cy)} ${n(back.x)},${n(back.y)}" fill="none" stroke="${line.colour}" stroke-width="2"${dash}/>`;
  const mx = 0.25 * from.x + 0.5 * cx + 0.25 * to.x;
  const my = 0.25 * from.y + 0.5 * cy + 0.25 * to.y;
  let angle = (Math.atan2(dy, dx) * 180) / Math.PI;
  if (angle > 90) angle -= 180;
  if (angle < -90) angle += 180;
  const label = `<text x="${n(mx)}" y="${n(my + EDGE_LABEL_SIZE / 3)}" text-anchor="middle" transform="rotate(${n(angle)} ${n(mx)} ${n(my)})" ${outlined(EDGE_LABEL_SIZE)}>${escaped(line.caption)}</text>`;
  return `${path}<polygon points="${arrow}" fill="${line.colour}"/>${label}`;
}

/** The map as SVG, marked OFFICIAL-SENSITIVE above and below, and its size. */
function drawn(map: SubjectMap): { svg: string; width: number; height: number } {
  const { nodes, edges } = laidOut(map);
  const at = new Map(nodes.map((p) => [p.id, p]));
  const pairs = new Map<string, Line[]>();
  for (const e of edges) {
    const pair = [e.source, e.target].sort().join("|");
    pairs.set(pair, [...(pairs.get(pair) ?? []), e]);
  }
  const lines = [...pairs.values()].flatMap((between) =>
    between.flatMap((e, i) => {
      const from = at.get(e.source);
      const to = at.get(e.target);
      const offset = (i - (between.length - 1) / 2) * (PARALLEL_STEP / 2);
      return from && to ? [edgeSvg(e, from, to, offset)] : [];
    }),
  );
  const extent = nodes.map((p) => {
    const captions = wrapped(p.caption);
    const half = Math.max(p.size / 2, ...captions.map((c) => widthOf(c, LABEL_SIZE) / 2));
    const bottom = p.y + p.size / 2 + 4 + captions.length * LINE_HEIGHT + 4;
    return { left: p.x - half, right: p.x + half, top: p.y - p.size / 2, bottom };
  });
  const left = Math.min(...extent.map((e) => e.left)) - MARGIN;
  const top = Math.min(...extent.map((e) => e.top)) - MARGIN;
  const graphWidth = Math.max(...extent.map((e) => e.right)) + MARGIN - left;
  // Whole units, so the picture is a whole number of pixels at any zoom.
  const notice = map.cut ? cutNotice(map.maxNodes) : null;
  const noticeWidth = notice ? widthOf(notice, NOTICE_SIZE) : 0;
  const width = Math.ceil(Math.max(graphWidth, widthOf(MARKING, 14) + 2 * MARGIN, noticeWidth + 2 * MARGIN));
  const graphHeight = Math.max(...extent.map((e) => e.bottom)) + MARGIN - top;
  const noticeBand = notice ? NOTICE_SIZE + 8 : 0;
  const height = Math.ceil(graphHeight + 2 * BAND + noticeBand);
  const shiftX = -left + (width - graphWidth) / 2;
  const shiftY = -top + BAND + noticeBand;
  const marking = (y: number) =>
    `<text x="${n(width / 2)}" y="${n(y)}" text-anchor="middle" font-size="14" font-weight="bold" fill="${MARK}">${MARKING}</text>`;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="${FONT}">`,
    `<title>${MARKING}: map of ${escaped(nodes.find((p) => p.centre)?.caption.split("\n")[0] ?? "")}</title>`,
    `<rect width="100%" height="100%" fill="#FFFFFF"/>`,
    marking(17),
    ...(notice
      ? [
          `<text x="${n(width / 2)}" y="${n(BAND + NOTICE_SIZE)}" text-anchor="middle" font-size="${NOTICE_SIZE}" fill="${MARK}">${escaped(notice)}</text>`,
        ]
      : []),
    `<g transform="translate(${n(shiftX)} ${n(shiftY)})">`,
    ...lines,
    ...nodes.map(nodeSvg),
    `</g>`,
    marking(height - 7),
    `</svg>`,
  ].join("\n");
  return { svg, width, height };
}

/** The map as SVG, marked OFFICIAL-SENSITIVE above and below. */
export const subjectMapSvg = (map: SubjectMap): string => drawn(map).svg;

/** The map as a PNG, twice the page's size unless that would be too large. */
export async function subjectMapPng(map: SubjectMap): Promise<Buffer> {
  const { svg, width, height } = drawn(map);
  return svgPngAside(svg, { mode: "zoom", value: Math.min(ZOOM, MOST_PIXELS / Math.max(width, height)) });
}
