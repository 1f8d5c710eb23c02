import { identifyingDetail, namesIn } from "../../domain/privacy/identifying-detail.js";
import { Refusal } from "../../domain/refusal.js";
import { localDay } from "../../domain/schedule/dates.js";
import type { MinutesPorts } from "./minutes-ports.js";

// A note on a fixed item (agency updates, themes, any other business) and a correction to the
// minutes go to every agency with the minutes, and are kept with the meeting, not with any child's
// record: the subject access export and retention would never find a child named there. So they
// refer to cases by reference only, and a child's detail goes in the note on the child's own case.

/**
 * Refuses meeting-wide text that holds a date of birth, a postcode or an address, or the name of
 * a subject with an open case on the panel (or decided at `meetingId`), saying which and what to do.
 */
export async function refuseSubjectDetail(
  ports: MinutesPorts,
  panel: { id: string; areaId: string },
  meetingId: string,
  field: string,
  text: string,
): Promise<void> {
  const found = identifyingDetail(text);
  const { cases } = await ports.casework.casesAndDrift(
    panel.areaId,
    panel.id,
    localDay(ports.now()),
    meetingId,
  );
  const named = cases.flatMap((c) =>
    c.value.label && namesIn(text, [c.value.label]).length ? [c.value.reference] : [],
  );
  if (!found.length && !named.length) return;
  const what = [...found, ...(named.length ? [`the name of the subject of ${named.join(", ")}`] : [])].join(
    " and ",
  );
  const message = `This looks like ${what}. It goes to every agency with the minutes and is not kept with the child's record, so nothing was saved: refer to a case by its reference${named.length ? ` (${named.join(", ")})` : ""}, and write about the child in the note on their own case.`;
  throw new Refusal("invalid", message, {
    code: "identifying-detail",
    fields: [{ field, message }],
  });
}
