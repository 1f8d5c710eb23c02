import { CardFactory } from "botbuilder";
import type { ReferralDesk } from "../../application/referrals/referral-desk.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Referral } from "../../domain/referrals/referral.js";
import type { Versioned } from "../../application/ports/versioned.js";
import { tabUrlOf } from "./bot-dependencies.js";
import { formOfReferral } from "./cards/answers.js";
import {
  approvalRequestCard,
  coordinatorReferralCard,
  makeReferralChannelCard,
  referralStartCard,
} from "./cards/referral-cards.js";
import type { CommandTurn } from "./bot-dependencies.js";
import { isRefusal } from "./refusal-replies.js";

// The typed referral commands: `refer`, and the coordinator's and the manager's lists.

// A chat message can carry only so many cards before it stops being readable.
const MAX_CARDS = 10;

/** The first card of the flow: the panels this person may refer to. */
export async function startReferralCard(
  desk: ReferralDesk,
  catalogue: Catalogue,
  personId: string | undefined,
) {
  if (!personId) return referralStartCard([]);
  try {
    const { panels } = await desk.panelsFor(personId);
    return referralStartCard(
      panels.map((p) => ({
        id: p.id,
        name: p.name,
        area: catalogue.areas.find((a) => a.id === p.areaId)?.name ?? p.areaId,
      })),
    );
  } catch (e) {
    // Someone who may refer nowhere sees the card that says so.
    if (isRefusal(e)) return referralStartCard([]);
    throw e;
  }
}

export async function refer({ context, deps }: CommandTurn): Promise<void> {
  // In a channel, only the button that continues in private: nothing identifying is posted there.
  const card =
    context.activity.conversation.conversationType === "personal"
      ? await startReferralCard(deps.desk, deps.catalogue, context.activity.from.aadObjectId)
      : makeReferralChannelCard();
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
}

/** The coordinator's new referrals, each as a card to accept, question or decline. */
export async function referralsToTriage({ context, deps }: CommandTurn): Promise<void> {
  const personId = context.activity.from.aadObjectId ?? "";
  const actor = { id: personId, name: context.activity.from.name ?? "" };
  const memberships = await deps.directory.membershipsOf(personId);
  const waiting: Versioned<Referral>[] = [];
  // Each panel's first page: a panel with more waiting says so, and the rest are in the tab.
  let more = false;
  for (const m of memberships.filter((x) => x.role === "coordinator")) {
    if (!deps.catalogue.panels.get(m.panelId)?.referralRules) continue;
    const page = await deps.desk.list(actor, m.panelId, "bot: referrals command", {}, ["new"]);
    waiting.push(...page.referrals);
    more ||= page.next !== null;
  }
  const shown = waiting.slice(0, MAX_CARDS);
  await context.sendActivity(
    waiting.length
      ? `${more ? "More than " : ""}${waiting.length} new referral${waiting.length === 1 ? "" : "s"} waiting for triage${waiting.length > shown.length ? `; the ${shown.length} newest are below, and the rest are in the tab` : ""}.`
      : "There are no new referrals waiting for you.",
  );
  for (const { value: r, etag } of shown.reverse()) {
    const panelName = deps.catalogue.panels.get(r.panelId)?.name ?? r.panelId;
    await context.sendActivity({
      attachments: [
        CardFactory.adaptiveCard(
          coordinatorReferralCard(r, panelName, tabUrlOf(deps), etag, formOfReferral(deps.catalogue, r)),
        ),
      ],
    });
  }
}

/** The service manager's referrals waiting for approval. */
export async function approvals({ context, deps }: CommandTurn): Promise<void> {
  const personId = context.activity.from.aadObjectId ?? "";
  const pending = await deps.desk.awaitingApproval(
    { id: personId, name: context.activity.from.name ?? "" },
    "bot: approvals command",
  );
  const cards = pending.map(({ value: r, etag }) =>
    approvalRequestCard(
      r,
      deps.catalogue.panels.get(r.panelId)?.name ?? r.panelId,
      etag,
      formOfReferral(deps.catalogue, r),
    ),
  );
  if (!cards.length) {
    await context.sendActivity("There are no referrals waiting for your approval.");
    return;
  }
  for (const card of cards.slice(0, MAX_CARDS))
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
}
