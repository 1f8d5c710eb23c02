import { describeOccurrence } from "../../domain/schedule/describe.js";
import { linksOf } from "./bot-dependencies.js";
import { renderCard } from "./cards/render.js";
import { noPanelsCard, panelsCard } from "./cards/templates.js";
import type { CommandTurn } from "./bot-dependencies.js";

/** `panels`: the person's panels, their role on each and when each meets next. */
export async function sendPanels({ context, deps }: CommandTurn): Promise<void> {
  const personId = context.activity.from.aadObjectId;
  const memberships = personId ? await deps.directory.membershipsOf(personId) : [];
  const links = linksOf(deps);
  const known = memberships.flatMap((m) => {
    const panel = deps.catalogue.panels.get(m.panelId);
    return panel ? [{ m, panel }] : [];
  });
  // Each panel's next meeting as held (a moved one on the day it moved to), read together.
  const next = await Promise.all(known.map(({ panel }) => deps.room.comingMeetings(panel.id, 1)));
  const panels = known.map(({ m, panel }, n) => {
    const area = deps.catalogue.areas.find((a) => a.id === panel.areaId);
    const [held] = next[n] ?? [];
    return {
      name: panel.name,
      area: area?.name ?? panel.areaId,
      role: m.role,
      next: held ? describeOccurrence({ ...held, panelId: panel.id }) : "not scheduled",
      link: links({ page: "panels", panelId: panel.id }),
    };
  });
  const card = panels.length
    ? renderCard(panelsCard, { panels, tabUrl: links({ page: "panels" }) })
    : renderCard(noPanelsCard, {});
  await context.sendActivity({ attachments: [card] });
}
