import { Link } from "@fluentui/react-components";
import { createContext, useContext, type ReactNode } from "react";

// Any reference on any page (cohort, agenda, action log, referral) opens that subject's record:
// its history, or its links on the map. The app decides what opening means; pages only ask.

export type SubjectView = "history" | "map";
export interface OpenedSubject {
  areaId: string;
  subjectId: string;
  view: SubjectView;
  /** A map opened from the subject's history goes back to it; otherwise back to the page. */
  fromHistory?: boolean;
}
type OpenSubject = (s: OpenedSubject) => void;

const OpenSubjectContext = createContext<OpenSubject | null>(null);

export function SubjectLinksProvider({ open, children }: { open: OpenSubject; children: ReactNode }) {
  return <OpenSubjectContext.Provider value={open}>{children}</OpenSubjectContext.Provider>;
}

export const useOpenSubject = (): OpenSubject | null => useContext(OpenSubjectContext);

/** A case's reference as a link to its history, or plain text where no history can be opened. */
export function SubjectReference(props: {
  areaId: string;
  subjectId: string | null | undefined;
  reference: string;
  view?: SubjectView;
}) {
  const open = useOpenSubject();
  if (!open || !props.subjectId) return <>{props.reference}</>;
  const subjectId = props.subjectId;
  return (
    <Link
      onClick={() => open({ areaId: props.areaId, subjectId, view: props.view ?? "history" })}
      aria-label={`${props.view === "map" ? "Map of" : "History of"} ${props.reference}`}
    >
      {props.reference}
    </Link>
  );
}
