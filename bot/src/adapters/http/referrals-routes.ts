import { Router, type Request } from "express";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { answersOf } from "../../domain/referrals/form-answers.js";
import { outcomeNote } from "../../domain/referrals/outcome-note.js";
import { STATUS_LABELS, subjectLabel, type Referral } from "../../domain/referrals/referral.js";
import type { ReferralDesk } from "../../application/referrals/referral-desk.js";
import { signedIn } from "./authenticate.js";
import {
  Answer,
  Approval,
  OwnReferralsQuery,
  ReferralsPageQuery,
  Submission,
  Triage,
  Withdrawal,
  type OwnReferralsResponse,
  type ProblemResponse,
  type ReferralDetail,
  type ReferralsResponse,
  type ReferralSummary,
  type SubmittedResponse,
} from "./contract/index.js";
import { versionOf } from "./panel-access.js";
import { route } from "./route.js";

const WAITING_FOR_TRIAGE: Referral["status"][] = ["new", "more-information-requested"];

// The tab's referral API: the same desk as the bot's cards, so the same rules and audit.

export function referralsRoutes(deps: { desk: ReferralDesk; catalogue: Catalogue }): Router {
  const { desk, catalogue } = deps;
  const router = Router();
  const actor = (req: Request) => {
    const user = signedIn(req);
    return { id: user.id, name: user.name };
  };

  const summary = (r: Referral): ReferralSummary => ({
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    panel: { id: r.panelId, name: catalogue.panels.get(r.panelId)?.name ?? r.panelId },
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    subject: subjectLabel(r.kind, r.values),
    submittedAt: r.submitted.at,
    referrer: {
      name: r.submitted.byName,
      jobTitle: r.referrer.jobTitle,
      agency: catalogue.agencies.get(r.referrer.agencyId)?.name ?? "",
    },
    meetingDate: r.meetingDate,
    possibleDuplicates: r.possibleDuplicates,
    linkedSubjectId: r.linkedSubjectId,
    subjectId: r.subjectId,
    questions: r.questions.map((q) => ({
      question: q.question,
      askedBy: q.byName,
      askedAt: q.at,
      answer: q.answer,
      answeredAt: q.answeredAt,
    })),
    outcome: outcomeNote(r),
  });

  // The signed-in person's own referrals, whichever of their area's panels each went to.
  router.get(
    "/referrals/mine",
    route(async (req, res) => {
      const page = await desk.own(actor(req), "tab: my referrals", OwnReferralsQuery.parse(req.query));
      res.json({
        referrals: page.referrals.map((r) => summary(r.value)),
        next: page.next,
      } satisfies OwnReferralsResponse);
    }),
  );

  router.get(
    "/panels/:panelId/referrals",
    route(async (req, res) => {
      const { show, ...query } = ReferralsPageQuery.parse(req.query);
      // Waiting ones are filtered before paging, so none is left behind on a later page.
      const statuses = show === "waiting" ? WAITING_FOR_TRIAGE : undefined;
      const page = await desk.list(actor(req), req.params["panelId"], "tab: referrals list", query, statuses);
      res.json({
        referrals: page.referrals.map((r) => summary(r.value)),
        next: page.next,
      } satisfies ReferralsResponse);
    }),
  );

  router.get(
    "/panels/:panelId/referrals/:referralId",
    route(async (req, res) => {
      const found = await desk.view(
        actor(req),
        req.params["panelId"],
        req.params["referralId"],
        "tab: referral page",
      );
      const r = found.value;
      const form = await desk.formFor(r);
      const answers = answersOf(form, r.values);
      res.set("ETag", found.etag).json({
        ...summary(r),
        answers,
        transferredFrom: r.transferredFrom ?? null,
        hostChecks: desk.transferChecks(r),
        approval: found.approval,
        version: found.etag,
      } satisfies ReferralDetail);
    }),
  );

  router.post(
    "/panels/:panelId/referrals",
    route(async (req, res) => {
      const body = Submission.parse(req.body);
      const result = await desk.submit(
        actor(req),
        req.params["panelId"],
        body.kind,
        body.formId,
        body.values,
        "tab: referrals API",
      );
      if (!result.ok) {
        res.status(422).json({
          error: {
            code: "referral-not-valid",
            message: "The referral has problems to put right. Nothing was saved.",
            fields: result.problems,
          },
        } satisfies ProblemResponse);
        return;
      }
      res
        .status(result.created ? 201 : 200)
        .json({ ...summary(result.referral), meeting: result.meeting ?? null } satisfies SubmittedResponse);
    }),
  );

  router.post(
    "/panels/:panelId/referrals/:referralId/triage",
    route(async (req, res) => {
      const step = Triage.parse(req.body);
      const r = await desk.triage(
        actor(req),
        req.params["panelId"],
        req.params["referralId"],
        step,
        versionOf(req, "referral"),
        "tab: triage",
      );
      res.json(summary(r) satisfies ReferralSummary);
    }),
  );

  router.post(
    "/panels/:panelId/referrals/:referralId/approval",
    route(async (req, res) => {
      const { decision, comment } = Approval.parse(req.body);
      const r = await desk.decideApproval(
        actor(req),
        req.params["panelId"],
        req.params["referralId"],
        decision,
        comment,
        versionOf(req, "referral"),
        "tab: approval",
      );
      res.json(summary(r) satisfies ReferralSummary);
    }),
  );

  router.post(
    "/panels/:panelId/referrals/:referralId/answer",
    route(async (req, res) => {
      const { answer } = Answer.parse(req.body);
      const r = await desk.answer(
        actor(req),
        req.params["panelId"],
        req.params["referralId"],
        answer,
        versionOf(req, "referral"),
        "tab: answer",
      );
      res.json(summary(r) satisfies ReferralSummary);
    }),
  );

  router.post(
    "/panels/:panelId/referrals/:referralId/withdraw",
    route(async (req, res) => {
      const { reason } = Withdrawal.parse(req.body);
      const r = await desk.withdraw(
        actor(req),
        req.params["panelId"],
        req.params["referralId"],
        reason,
        versionOf(req, "referral"),
        "tab: withdraw",
      );
      res.json(summary(r) satisfies ReferralSummary);
    }),
  );

  return router;
}
