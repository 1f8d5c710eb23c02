import { describeOccurrence } from "../../domain/schedule/describe.js";
import { nextOccurrences } from "../../domain/schedule/occurrences.js";
import { linksOf } from "./bot-dependencies.js";
import { renderCard } from "./cards/render.js";
import { noPanelsCard, panelsCard } from "./cards/templates.js";
import type { CommandTurn } from "./bot-dependencies.js";

/** `panels`: the person's panels, their role on each and when each meets next. */
export async function sendPanels({ context, deps }: CommandTurn): Promise<void> {
  const personId = context.activity.from.aadObjectId;
  const memberships = personId ? await deps.directory.membershipsOf(personId) : [];
  const links = linksOf(deps);
  const panels = memberships.flatMap((m) => {
    const panel = deps.catalogue.panels.get(m.panelId);
    if (!panel) return [];
    const area = deps.catalogue.areas.find((a) => a.id === panel.areaId);
    const [next] = nextOccurrences(deps.catalogue, panel.id, deps.now(), 1);
    return [
      {
        name: panel.name,
        area: area?.name ?? panel.areaId,
        role: m.role,
        next: next ? describeOccurrence(next) : "not scheduled",
        link: links({ page: "panels", panelId: panel.id }),
      },
    ];
  });
  const card = panels.length
    ? renderCard(panelsCard, { panels, tabUrl: links({ page: "panels" }) })
    : renderCard(noPanelsCard, {});
  await context.sendActivity({ attachments: [card] });
}
