import type { ReferralDesk } from "../application/referrals/referral-desk.js";
import { ReferralStepRefused } from "../domain/referrals/triage.js";
import type { DemoReferral } from "./demo-referrals.js";

const PRIYA = { id: "00000000-0000-4000-8000-000000000101", name: "Priya Okafor" };

/** Makes the demo referrals through the same desk the bot uses; seeding twice changes nothing. */
export async function seedDemoReferrals(desk: ReferralDesk, referrals: DemoReferral[]): Promise<void> {
  for (const demo of referrals) {
    const actor = { id: demo.referrerId, name: demo.referrerName };
    const result = await desk.submit(actor, demo.panelId, demo.kind, demo.formId, demo.values, "demo seed");
    if (!result.ok)
      throw new Error(
        `Demo referral ${demo.formId} is not valid: ${result.problems.map((p) => p.message).join("; ")}`,
      );
    if (!demo.accept || result.referral.status !== "new") continue;
    try {
      const { etag } = await desk.view(PRIYA, demo.panelId, demo.formId, "demo seed");
      await desk.triage(
        PRIYA,
        demo.panelId,
        demo.formId,
        { decision: "accept", note: "Demo data", linkToSubjectId: null },
        etag,
        "demo seed",
      );
    } catch (e) {
      if (!(e instanceof ReferralStepRefused)) throw e;
    }
  }
}
