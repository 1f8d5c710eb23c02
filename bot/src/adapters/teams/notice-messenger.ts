import { CardFactory, type CloudAdapter } from "botbuilder";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { AccessRequest } from "../../domain/people/access-request.js";
import type { AccessNotice, ReferralNotice } from "../../domain/referrals/notice.js";
import type { Referral } from "../../domain/referrals/referral.js";
import type { NoticeMessenger } from "../../application/ports/messengers.js";
import { keyOf } from "../tables/entity-store.js";
import type { Repositories } from "../tables/repositories.js";
import { longDate } from "./cards/dates.js";
import { formOfReferral } from "./cards/answers.js";
import { outcomeCard, questionCard, thresholdingAnswerCard } from "./cards/referral-cards.js";
import { approvalRequestCard, coordinatorReferralCard } from "./cards/referral-review-cards.js";
import { accessDecidedCard, decideAccessCard } from "./cards/access-cards.js";
import { inConversation } from "./proactive.js";
import type { TabLinks } from "./tab-links.js";

// Sends a referral notice's card to its recipient's personal chat with the bot. When and how
// often, and what is audited, the application decides (application/notices).

export class TeamsNoticeMessenger implements NoticeMessenger {
  constructor(
    private readonly deps: {
      catalogue: Catalogue;
      repos: Repositories;
      adapter: CloudAdapter;
      botAppId: string;
      links: TabLinks;
    },
  ) {}

  send(recipientId: string, notice: ReferralNotice, referral: Referral, version: string): Promise<boolean> {
    return this.toPersonalChat(recipientId, this.cardFor(notice, referral, version));
  }

  sendAccess(recipientId: string, notice: AccessNotice, request: AccessRequest): Promise<boolean> {
    const { catalogue } = this.deps;
    const panelName = catalogue.panels.get(request.panelId)?.name ?? request.panelId;
    const card =
      notice.kind === "access-requested"
        ? decideAccessCard(
            request,
            panelName,
            catalogue.agencies.get(request.agencyId)?.name ?? "",
            this.deps.links,
          )
        : accessDecidedCard(request, panelName, true);
    return this.toPersonalChat(recipientId, card);
  }

  private async toPersonalChat(recipientId: string, card: Record<string, unknown>): Promise<boolean> {
    const chat = await this.deps.repos.conversations.get("personal", keyOf(recipientId));
    if (!chat) return false;
    await inConversation(this.deps.adapter, this.deps.botAppId, chat.value.reference, (ctx) =>
      ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] }),
    );
    return true;
  }

  private cardFor(n: ReferralNotice, r: Referral, version: string): Record<string, unknown> {
    const panelName = this.deps.catalogue.panels.get(r.panelId)?.name ?? r.panelId;
    switch (n.kind) {
      case "approval-requested":
        return approvalRequestCard(
          r,
          panelName,
          version,
          formOfReferral(this.deps.catalogue, r),
          this.deps.links,
        );
      case "referral-arrived":
        // An accepted referral arrives again only with the answer to a thresholding question.
        if (r.status === "accepted") return thresholdingAnswerCard(r, panelName, this.deps.links);
        return coordinatorReferralCard(
          r,
          panelName,
          this.deps.links,
          version,
          formOfReferral(this.deps.catalogue, r),
        );
      case "question-asked":
        return questionCard(r, panelName, version, this.deps.links);
      case "approval-decided":
        return r.approval?.decision === "approved"
          ? outcomeCard(`${r.reference} approved`, [
              `${r.approval.byName} approved your referral. It is now with the ${panelName} coordinator.`,
            ])
          : outcomeCard(
              `${r.reference} not approved`,
              [
                `${r.approval?.byName ?? "Your manager"} did not approve your referral: ${r.approval?.comment ?? ""}`,
              ],
              false,
            );
      case "triage-decided":
        return r.status === "accepted"
          ? outcomeCard(`${r.reference} accepted`, [
              `${panelName} has accepted your referral${r.meetingDate ? ` for the meeting on ${longDate(r.meetingDate)}` : ""}. You will be told your presentation slot when the agenda is published.`,
              ...(r.triage?.note ? [`${r.triage.byName} noted: ${r.triage.note}`] : []),
            ])
          : outcomeCard(
              `${r.reference} declined`,
              [`${panelName} declined your referral: ${r.triage?.note ?? ""}`],
              false,
            );
      case "referral-withdrawn":
        return outcomeCard(
          `${r.reference} withdrawn`,
          [
            `${r.submitted.byName} withdrew their referral to ${panelName}: ${r.withdrawal?.reason ?? ""}`,
            r.withdrawal?.waitingFor === "manager"
              ? "It no longer waits for your approval. Nothing else has changed."
              : "It no longer waits for triage. Nothing else has changed.",
          ],
          false,
        );
    }
  }
}
