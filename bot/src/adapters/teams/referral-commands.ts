import { CardFactory } from "botbuilder";
import type { ReferralDesk } from "../../application/referrals/referral-desk.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Referral } from "../../domain/referrals/referral.js";
import type { Versioned } from "../../application/ports/versioned.js";
import type { Actor } from "../../domain/people/actor.js";
import { formOfReferral } from "./cards/answers.js";
import { ownReferralsCard } from "./cards/own-referral-cards.js";
import { makeReferralChannelCard, referralStartCard } from "./cards/referral-cards.js";
import { approvalRequestCard, coordinatorReferralCard } from "./cards/referral-review-cards.js";
import { linksOf, type CommandTurn } from "./bot-dependencies.js";
import { isRefusal } from "./refusal-replies.js";
import type { TabLinks } from "./tab-links.js";

// The typed referral commands: `refer`, the coordinator's and the referrer's lists, the manager's.

// A chat message can carry only so many cards before it stops being readable.
const MAX_CARDS = 10;

/** The first card of the flow: the panels this person may refer to. */
export async function startReferralCard(
  desk: ReferralDesk,
  catalogue: Catalogue,
  personId: string | undefined,
  links: TabLinks,
) {
  if (!personId) return referralStartCard([], links);
  try {
    const { panels } = await desk.panelsFor(personId);
    return referralStartCard(
      panels.map((p) => ({
        id: p.id,
        name: p.name,
        area: catalogue.areas.find((a) => a.id === p.areaId)?.name ?? p.areaId,
      })),
      links,
    );
  } catch (e) {
    // Someone who may refer nowhere sees the card that says so.
    if (isRefusal(e)) return referralStartCard([], links);
    throw e;
  }
}

export async function refer({ context, deps }: CommandTurn): Promise<void> {
  // In a channel, only the button that continues in private: nothing identifying is posted there.
  const card =
    context.activity.conversation.conversationType === "personal"
      ? await startReferralCard(deps.desk, deps.catalogue, context.activity.from.aadObjectId, linksOf(deps))
      : makeReferralChannelCard(linksOf(deps));
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
}

/**
 * `referrals`: a coordinator's new referrals, each as a card to accept, question or decline, and
 * the person's own referrals as one card; someone who is both gets both, each headed.
 */
export async function referralLists(turn: CommandTurn): Promise<void> {
  const { context, deps } = turn;
  const actor = { id: context.activity.from.aadObjectId ?? "", name: context.activity.from.name ?? "" };
  const memberships = await deps.directory.membershipsOf(actor.id);
  const coordinated = memberships.filter(
    (m) => m.role === "coordinator" && deps.catalogue.panels.get(m.panelId)?.referralRules,
  );
  if (coordinated.length)
    await referralsToTriage(
      turn,
      actor,
      coordinated.map((m) => m.panelId),
    );
  let own: Awaited<ReturnType<typeof deps.desk.own>>;
  try {
    own = await deps.desk.own(actor, "bot: referrals command", { pageSize: MAX_CARDS });
  } catch (e) {
    // Someone not (or no longer) in the directory makes no referrals: say why, unless they triage.
    if (!isRefusal(e)) throw e;
    if (!coordinated.length) await context.sendActivity(e.message);
    return;
  }
  // A coordinator who has made none is not told so: their list is the triage one.
  if (coordinated.length && !own.referrals.length) return;
  const lines = own.referrals.map(({ value: r, etag }) => ({
    referral: r,
    version: etag,
    panelName: deps.catalogue.panels.get(r.panelId)?.name ?? r.panelId,
  }));
  const card = ownReferralsCard(lines, own.next !== null, linksOf(deps));
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
}

async function referralsToTriage({ context, deps }: CommandTurn, actor: Actor, panelIds: string[]) {
  const waiting: Versioned<Referral>[] = [];
  // Each panel's first page: a panel with more waiting says so, and the rest are in the tab.
  let more = false;
  for (const panelId of panelIds) {
    const page = await deps.desk.list(actor, panelId, "bot: referrals command", {}, ["new"]);
    waiting.push(...page.referrals);
    more ||= page.next !== null;
  }
  const shown = waiting.slice(0, MAX_CARDS);
  await context.sendActivity(
    `**Waiting for your triage.** ${
      waiting.length
        ? `${more ? "More than " : ""}${waiting.length} new referral${waiting.length === 1 ? " is" : "s are"} waiting for triage${waiting.length > shown.length ? `; the ${shown.length} newest are below, and the rest are in the tab` : ""}.`
        : "There are no new referrals waiting for you."
    }`,
  );
  for (const { value: r, etag } of shown.reverse()) {
    const panelName = deps.catalogue.panels.get(r.panelId)?.name ?? r.panelId;
    await context.sendActivity({
      attachments: [
        CardFactory.adaptiveCard(
          coordinatorReferralCard(r, panelName, linksOf(deps), etag, formOfReferral(deps.catalogue, r)),
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
      linksOf(deps),
    ),
  );
  if (!cards.length) {
    await context.sendActivity("There are no referrals waiting for your approval.");
    return;
  }
  for (const card of cards.slice(0, MAX_CARDS))
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
}
