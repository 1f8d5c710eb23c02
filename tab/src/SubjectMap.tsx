import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { DateField } from "./DateField.js";
import cytoscape, { type Core } from "cytoscape";
import { useEffect, useRef, useState } from "react";
import { ChoiceField } from "./ChoiceField.js";
import { api, type LinkKind, type TokenSource } from "./api.js";
import {
  cutNotice,
  elementsOf,
  kindName,
  KIND_STYLE,
  LINK_COLOURS,
  MAP_LAYOUT,
  MAP_STYLE,
  MARKING,
} from "../../bot/src/adapters/http/contract/map-drawing.js";
import { SubjectsTable } from "./MapTable.js";
import { headerStyles } from "./styles.js";
import { useOpenSubject } from "./subjectLinks.js";
import { useApi } from "./useApi.js";
import { openDownload } from "./openDownload.js";

// The map around a subject: who and what it is linked to, to a chosen depth, drawn as a network
// (Cytoscape.js, in this page's chunk only) with the same information in a table beside it.
// Selecting a subject opens its history. The image for a briefing is the service's, laid out as
// here and marked OFFICIAL-SENSITIVE, opened through a download link like every other file.

const useStyles = makeStyles({
  ...headerStyles,
  title: { ...typographyStyles.title2, margin: 0 },
  filters: { display: "flex", gap: "12px", flexWrap: "wrap", alignItems: "flex-end", marginTop: "16px" },
  kinds: { display: "flex", flexWrap: "wrap", gap: "4px 12px", border: "none", padding: 0, margin: 0 },
  body: { display: "flex", flexWrap: "wrap", gap: "16px", marginTop: "16px" },
  graph: {
    flex: "3 1 480px",
    height: "520px",
    backgroundColor: "#FFFFFF",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  side: { flex: "2 1 360px", display: "flex", flexDirection: "column", gap: "12px", minWidth: 0 },
  legend: { display: "flex", flexWrap: "wrap", gap: "4px 12px", margin: 0, padding: 0, listStyle: "none" },
  swatch: { display: "inline-block", width: "12px", height: "12px", marginRight: "4px", borderRadius: "2px" },
  list: { margin: 0, paddingLeft: "20px" },
});

interface Query {
  depth: number;
  kinds: LinkKind[];
  from: string;
  to: string;
}

export function SubjectMapPage({
  token,
  areaId,
  subjectId,
  onBack,
}: {
  token: TokenSource;
  areaId: string;
  subjectId: string;
  onBack: () => void;
}) {
  const styles = useStyles();
  const openSubject = useOpenSubject();
  const [draft, setDraft] = useState<Query>({ depth: 2, kinds: [], from: "", to: "" });
  const [query, setQuery] = useState<Query>(draft);
  const load = useApi(
    () => api.subjectMap(token, areaId, subjectId, query),
    [token, areaId, subjectId, query],
  );
  const map = load.data;
  const graph = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [selected, setSelected] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (!map || !graph.current) return;
    const instance = cytoscape({
      container: graph.current,
      elements: elementsOf(map),
      style: MAP_STYLE,
      layout: MAP_LAYOUT,
      wheelSensitivity: 0.3,
    });
    instance.on("tap", "node", (e) => {
      const node = map.nodes.find((n) => n.id === e.target.id());
      if (node && !node.withheld) openSubject?.({ areaId, subjectId: node.id, view: "history" });
    });
    cy.current = instance;
    setSelected(0);
    return () => {
      instance.destroy();
      cy.current = null;
    };
  }, [map, areaId, openSubject]);

  const nodes = map?.nodes ?? [];
  const centre = nodes.find((n) => n.id === subjectId);
  const current = nodes[selected];
  const select = (index: number) => {
    const next = (index + nodes.length) % nodes.length;
    setSelected(next);
    const id = nodes[next]?.id;
    cy.current?.nodes().unselect();
    if (id) cy.current?.$id(id).select();
  };
  const refOf = (id: string) => nodes.find((n) => n.id === id)?.reference ?? id;

  const exportImage = async () => {
    setProblem(null);
    try {
      await openDownload(await api.subjectMapImage(token, areaId, subjectId, query));
    } catch (e) {
      setProblem((e as Error).message);
    }
  };

  return (
    <>
      <div className={styles.header}>
        <div className={styles.titleBlock}>
          <h1 className={styles.title} ref={heading} tabIndex={-1}>
            Map of {centre?.reference ?? "the subject"}
          </h1>
          <Caption1 className={styles.muted}>{MARKING}: for the panel's members only.</Caption1>
        </div>
        <Button onClick={onBack}>Back</Button>
      </div>

      <form
        className={styles.filters}
        aria-label="What the map shows"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(draft);
        }}
      >
        <ChoiceField
          label="Depth"
          value={String(draft.depth)}
          onChange={(v) => setDraft({ ...draft, depth: Number(v) })}
          options={[1, 2, 3].map((d) => ({ value: String(d), label: `${d} link${d > 1 ? "s" : ""} away` }))}
        />
        <fieldset className={styles.kinds}>
          <legend>Kinds of link (none ticked: all)</legend>
          {(map?.linkKinds ?? []).map((k) => (
            <Checkbox
              key={k.kind}
              label={k.label}
              checked={draft.kinds.includes(k.kind)}
              onChange={(_e, d) =>
                setDraft({
                  ...draft,
                  kinds: d.checked ? [...draft.kinds, k.kind] : draft.kinds.filter((x) => x !== k.kind),
                })
              }
            />
          ))}
        </fieldset>
        <DateField
          label="In force from"
          value={draft.from}
          onChange={(from) => setDraft({ ...draft, from })}
        />
        <DateField label="to" value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
        <Button type="submit" appearance="primary">
          Show
        </Button>
        <Button onClick={() => void exportImage()} disabled={!map}>
          Download as an image (PNG)
        </Button>
      </form>

      {(load.error ?? problem) && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{load.error ?? problem}</MessageBarBody>
        </MessageBar>
      )}
      {load.loading && <Spinner label="Drawing the map…" />}
      {map?.cut && (
        <MessageBar intent="warning">
          <MessageBarBody>{cutNotice(map.maxNodes)}</MessageBarBody>
        </MessageBar>
      )}

      {map && (
        <div className={styles.body}>
          <div
            ref={graph}
            className={styles.graph}
            role="application"
            tabIndex={0}
            aria-label={`Network map of ${centre?.reference ?? ""}. Arrow keys move between subjects; Enter opens the selected subject's history. The table lists the same.`}
            aria-describedby="map-selected"
            onKeyDown={(e) => {
              if (["ArrowRight", "ArrowDown"].includes(e.key)) select(selected + 1);
              else if (["ArrowLeft", "ArrowUp"].includes(e.key)) select(selected - 1);
              else if (e.key === "Home") select(0);
              else if (e.key === "Enter" && current && !current.withheld)
                openSubject?.({ areaId, subjectId: current.id, view: "history" });
              else return;
              e.preventDefault();
            }}
          />
          <div className={styles.side}>
            <Body1 id="map-selected" aria-live="polite">
              {current
                ? `Selected: ${current.reference}${current.label ? ` ${current.label}` : ""}, ${kindName(current)}`
                : ""}
            </Body1>
            <ul className={styles.legend} aria-label="Key to the subjects">
              {Object.values(KIND_STYLE).map((k) => (
                <li key={k.label}>
                  <span className={styles.swatch} style={{ backgroundColor: k.colour }} aria-hidden />
                  {k.label}
                </li>
              ))}
            </ul>
            <ul className={styles.legend} aria-label="Key to the links">
              {map.linkKinds.map((k) => (
                <li key={k.kind}>
                  <span
                    className={styles.swatch}
                    style={{ backgroundColor: LINK_COLOURS[k.kind] }}
                    aria-hidden
                  />
                  {k.label}
                </li>
              ))}
            </ul>
            <Caption1>
              A thicker, darker border: a higher risk. A dashed border: the case is closed. A dashed line: the
              link has ended.
            </Caption1>
            <SubjectsTable map={map} areaId={areaId} refOf={refOf} />
            <Subtitle2 as="h2">Sharing a place or a group, not linked to each other</Subtitle2>
            <ul className={styles.list} aria-label="Sharing a place or a group">
              {map.shared.length === 0 && <li>None on this map.</li>}
              {map.shared.map((s) => (
                <li key={`${s.child}-${s.place}-${s.with}`}>
                  {refOf(s.child)} shares {refOf(s.place)} with {refOf(s.with)}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </>
  );
}
