import { TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { ResponsiveTable } from "./ResponsiveTable.js";
import type { MapNode, SubjectMapResponse } from "./api.js";
import { kindName } from "../../bot/src/adapters/http/contract/map-drawing.js";
import { SubjectReference } from "./subjectLinks.js";

// The map's subjects as a table: the same information as the drawing, for keyboards and screen
// readers; a reference the person may open leads to that subject's history.

const caseText = (n: MapNode) =>
  n.withheld ? "Not shown to you" : n.case ? (n.case.status === "open" ? "Open" : "Closed") : "No case";

export function SubjectsTable({
  map,
  areaId,
  refOf,
}: {
  map: SubjectMapResponse;
  areaId: string;
  refOf: (id: string) => string;
}) {
  const linksOf = (id: string) =>
    map.edges
      .filter((e) => e.from === id || e.to === id)
      .map(
        (e) =>
          `${e.from === id ? e.label : e.inverse} ${refOf(e.from === id ? e.to : e.from)}${e.endedAt ? ` (ended ${e.endedAt.slice(0, 10)})` : ""}`,
      );
  return (
    <ResponsiveTable aria-label="Subjects on the map" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Reference</TableHeaderCell>
          <TableHeaderCell>Kind</TableHeaderCell>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Case and risk</TableHeaderCell>
          <TableHeaderCell>Links</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {map.nodes.map((n) => (
          <TableRow key={n.id} data-subject-id={n.id}>
            <TableCell>
              <SubjectReference
                areaId={areaId}
                subjectId={n.withheld ? null : n.id}
                reference={n.reference}
              />
            </TableCell>
            <TableCell>{kindName(n)}</TableCell>
            <TableCell>{n.label ?? "Not shown to you"}</TableCell>
            <TableCell>
              {caseText(n)}
              {n.case?.riskLabel ? `, ${n.case.riskLabel}` : ""}
            </TableCell>
            <TableCell>{linksOf(n.id).join("; ") || "None shown"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ResponsiveTable>
  );
}
