import type { ConcentricLayoutOptions, ElementDefinition, StylesheetJson } from "cytoscape";
import type { LinkKind, MapNode, SubjectMapResponse } from "./links.js";

// How the map around a subject is drawn, the same on the page (tab/src/SubjectMap.tsx, Cytoscape in
// the browser) and in its image (adapters/charts/subject-map-png.ts, Cytoscape headless in the
// service): a subject's colour and shape by its kind, its border by its case's risk (dashed once
// the case is closed), a link's colour by its kind, dashed once ended; the subjects in rings by
// their distance from the centre. The same colours key the legend beside the map. It imports
// types only, so the tab takes nothing else of the service's with it.

export const KIND_STYLE: Record<MapNode["kind"], { colour: string; shape: string; label: string }> = {
  individual: { colour: "#0F6CBD", shape: "ellipse", label: "Child or young adult" },
  "person-of-concern": { colour: "#B10E1C", shape: "diamond", label: "Person of concern" },
  "location-of-concern": { colour: "#0E700E", shape: "round-rectangle", label: "Location of concern" },
  group: { colour: "#6B4FA0", shape: "hexagon", label: "Group" },
};
/** A subject whose record the viewer may not see: grey, by its reference only. */
export const WITHHELD = "#8A8886";
export const kindName = (n: Pick<MapNode, "kind">) => KIND_STYLE[n.kind].label;

/** The marking every image of the map carries, above and below its picture and in its file name. */
export const MARKING = "OFFICIAL-SENSITIVE";

/** What the page says above a map cut short to stay within its limit, and its image under the marking. */
export const cutNotice = (maxNodes: number) =>
  `The map shows the first ${maxNodes} subjects only. Choose a smaller depth or fewer kinds of link.`;

export const LINK_COLOURS: Record<LinkKind, string> = {
  "exploited-by": "#B10E1C",
  "associates-with": "#C239B3",
  frequents: "#0E700E",
  "member-of-group": "#6B4FA0",
  sibling: "#0F6CBD",
  "same-school": "#00666D",
  "lives-at": "#8E562E",
  other: "#616161",
};

/** The border of a subject with an open or closed case: grey with no risk, darker as risk rises. */
export function riskColour(rank: number | null, levels: number): string {
  if (rank === null) return "#605E5C";
  const scale = ["#C19C00", "#CA5010", "#A4262C"];
  const at = levels <= 1 ? scale.length - 1 : Math.round((rank / (levels - 1)) * (scale.length - 1));
  return scale[at] ?? "#A4262C";
}

export function elementsOf(map: SubjectMapResponse): ElementDefinition[] {
  const levels = map.riskLevels.length;
  return [
    ...map.nodes.map((n) => ({
      group: "nodes" as const,
      data: {
        id: n.id,
        caption: n.label ? `${n.reference}\n${n.label}` : n.reference,
        fill: n.withheld ? WITHHELD : KIND_STYLE[n.kind].colour,
        shape: KIND_STYLE[n.kind].shape,
        border: riskColour(n.case?.riskRank ?? null, levels),
        borderWidth:
          n.case?.riskRank !== null && n.case?.riskRank !== undefined ? 3 + n.case.riskRank * 2 : 2,
        borderStyle: n.case?.status === "closed" ? "dashed" : "solid",
        depth: n.depth,
      },
      classes: n.id === map.centre ? "centre" : "",
    })),
    ...map.edges.map((e) => ({
      group: "edges" as const,
      data: {
        id: e.id,
        source: e.from,
        target: e.to,
        caption: e.label,
        colour: LINK_COLOURS[e.kind],
        lineStyle: e.endedAt ? "dashed" : "solid",
      },
    })),
  ];
}

export const MAP_STYLE: StylesheetJson = [
  {
    selector: "node",
    style: {
      "background-color": "data(fill)",
      shape: "data(shape)" as never,
      "border-color": "data(border)",
      "border-width": "data(borderWidth)",
      "border-style": "data(borderStyle)" as never,
      label: "data(caption)",
      "text-wrap": "wrap",
      "text-max-width": "140px",
      "text-valign": "bottom",
      "text-margin-y": 4,
      "font-size": 11,
      color: "#201F1E",
      "text-outline-color": "#FFFFFF",
      "text-outline-width": 2,
      width: 30,
      height: 30,
    },
  },
  { selector: "node.centre", style: { width: 44, height: 44, "font-weight": "bold" } },
  {
    selector: "node:selected",
    style: { "overlay-color": "#000000", "overlay-opacity": 0.2, "overlay-padding": 8 },
  },
  {
    selector: "edge",
    style: {
      width: 2,
      "line-color": "data(colour)",
      "line-style": "data(lineStyle)" as never,
      "target-arrow-color": "data(colour)",
      "target-arrow-shape": "triangle",
      "curve-style": "bezier",
      label: "data(caption)",
      "font-size": 9,
      color: "#201F1E",
      "text-rotation": "autorotate",
      "text-outline-color": "#FFFFFF",
      "text-outline-width": 2,
    },
  },
];

/** The centre in the middle, each ring one link further out. */
export const MAP_LAYOUT: ConcentricLayoutOptions = {
  name: "concentric",
  concentric: (n) => 10 - Number(n.data("depth")),
  levelWidth: () => 1,
  minNodeSpacing: 40,
};
