import { Router, type Request } from "express";
import { z } from "zod";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { fieldsOf } from "../../domain/referrals/form.js";
import { STATUS_LABELS, subjectLabel, type Referral } from "../../domain/referrals/referral.js";
import { ReferralStepRefused } from "../../domain/referrals/triage.js";
import type { ReferralDesk } from "../../application/referrals/referral-desk.js";
import { Refusal } from "../../application/refusal.js";
import { signedIn } from "./authenticate.js";
import { HttpProblem } from "./errors.js";
import { versionOf } from "./panel-access.js";
import { route } from "./route.js";

// The tab's referral API: the same desk as the bot's cards, so the same rules and audit.

const FormValue = z.union([
  z.string().max(4000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(80)).max(20),
]);
const Submission = z.strictObject({
  kind: z.string().max(40),
  formId: z.string().max(64),
  values: z.record(z.string().max(80), FormValue),
});
const Triage = z.discriminatedUnion("decision", [
  z.strictObject({
    decision: z.literal("accept"),
    note: z.string().max(1000).default(""),
    linkToSubjectId: z.string().max(64).nullable().default(null),
  }),
  z.strictObject({ decision: z.literal("ask"), question: z.string().max(1000) }),
  z.strictObject({ decision: z.literal("decline"), reason: z.string().max(1000) }),
]);
const Approval = z.strictObject({
  decision: z.enum(["approved", "declined"]),
  comment: z.string().max(1000).default(""),
});
const Answer = z.strictObject({ answer: z.string().max(2000) });

const STATUS: Record<Refusal["reason"], number> = {
  "not-found": 404,
  "not-allowed": 403,
  invalid: 400,
  conflict: 409,
  "not-now": 409,
};

function asProblem(e: unknown): unknown {
  if (e instanceof Refusal) return new HttpProblem(STATUS[e.reason], e.reason, e.message);
  if (e instanceof ReferralStepRefused) return new HttpProblem(e.status, "not-now", e.message);
  return e;
}

export function referralsRoutes(deps: { desk: ReferralDesk; catalogue: Catalogue }): Router {
  const { desk, catalogue } = deps;
  const router = Router();
  const actor = (req: Request) => {
    const user = signedIn(req);
    return { id: user.id, name: user.name };
  };
  const handle = (fn: Parameters<typeof route>[0]) =>
    route(async (req, res) => {
      try {
        await fn(req, res);
      } catch (e) {
        throw asProblem(e);
      }
    });

  const summary = (r: Referral) => ({
    id: r.id,
    reference: r.reference,
    kind: r.kind,
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
    questions: r.questions.map((q) => ({ question: q.question, askedBy: q.byName, answer: q.answer })),
  });

  router.get(
    "/panels/:panelId/referrals",
    handle(async (req, res) => {
      const list = await desk.list(actor(req), req.params["panelId"], "tab: referrals list");
      res.json({ referrals: list.map((r) => summary(r.value)) });
    }),
  );

  router.get(
    "/panels/:panelId/referrals/:referralId",
    handle(async (req, res) => {
      const found = await desk.view(
        actor(req),
        req.params["panelId"],
        req.params["referralId"],
        "tab: referral page",
      );
      const r = found.value;
      const form = await desk.formFor(r);
      const answers = fieldsOf(form)
        .filter((f) => r.values[f.id] !== undefined && r.values[f.id] !== "")
        .map((f) => {
          const v = r.values[f.id];
          const choices = f.choices ?? [];
          const shown = Array.isArray(v)
            ? v.map((x) => choices.find((c) => c.value === x)?.title ?? x).join("; ")
            : typeof v === "boolean"
              ? v
                ? "Yes"
                : "No"
              : (choices.find((c) => c.value === v)?.title ?? String(v));
          return { field: f.id, label: f.label, value: shown };
        });
      res
        .set("ETag", found.etag)
        .json({ ...summary(r), answers, transferredFrom: r.transferredFrom ?? null, version: found.etag });
    }),
  );

  router.post(
    "/panels/:panelId/referrals",
    handle(async (req, res) => {
      const body = Submission.parse(req.body);
      const result = await desk.submit(
        actor(req),
        req.params["panelId"],
        body.kind,
        body.formId,
        body.values,
      );
      if (!result.ok) {
        res.status(422).json({
          error: {
            code: "referral-not-valid",
            message: "The referral has problems to put right. Nothing was saved.",
            fields: result.problems,
          },
        });
        return;
      }
      res
        .status(result.created ? 201 : 200)
        .json({ ...summary(result.referral), meeting: result.meeting ?? null });
    }),
  );

  router.post(
    "/panels/:panelId/referrals/:referralId/triage",
    handle(async (req, res) => {
      const step = Triage.parse(req.body);
      const r = await desk.triage(
        actor(req),
        req.params["panelId"],
        req.params["referralId"],
        step,
        versionOf(req, "referral"),
        "tab: triage",
      );
      res.json(summary(r));
    }),
  );

  router.post(
    "/panels/:panelId/referrals/:referralId/approval",
    handle(async (req, res) => {
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
      res.json(summary(r));
    }),
  );

  router.post(
    "/panels/:panelId/referrals/:referralId/answer",
    handle(async (req, res) => {
      const { answer } = Answer.parse(req.body);
      const r = await desk.answer(
        actor(req),
        req.params["panelId"],
        req.params["referralId"],
        answer,
        versionOf(req, "referral"),
        "tab: answer",
      );
      res.json(summary(r));
    }),
  );

  return router;
}
