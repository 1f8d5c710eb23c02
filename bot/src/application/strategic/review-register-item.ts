import type { Actor } from "../../domain/people/actor.js";
import { Refusal } from "../../domain/refusal.js";
import { localDay } from "../../domain/schedule/dates.js";
import { RegisterReview, withReview } from "../../domain/strategic/register-item.js";
import { accessRegister, refuseUnlessReviewer } from "../access/register-access.js";
import { knownMeeting } from "../panels/known-panels.js";
import { cancelledMeeting, heldDay } from "../panels/meeting-days.js";
import {
  heldItem,
  invalidInput,
  refuseIdentifying,
  saveChange,
  type RegisterPorts,
} from "./register-ports.js";
import { registerItemView, type RegisterItemView } from "./register-view.js";

// Each strategic meeting reviews every open entry: what was said of it there, by whom. A second
// review at the same meeting replaces the first one's note; a meeting still to come, or one held
// before the entry was raised, cannot have one.

export async function reviewRegisterItem(
  ports: RegisterPorts,
  actor: Actor,
  panelId: unknown,
  itemId: unknown,
  input: { meetingId: string; note: string },
  version: string,
  via: string,
): Promise<RegisterItemView> {
  const access = await accessRegister(ports, actor.id, panelId, "read");
  const { panel } = access;
  knownMeeting(ports.catalogue, panel.id, input.meetingId);
  // The entry is read while the meeting's day is; a meeting still to come is refused first.
  const item = heldItem(ports, panel.areaId, panel.id, itemId, version);
  item.catch(() => undefined);
  const { day: heldOn, cancelled } = await heldDay(ports, panel.id, input.meetingId);
  if (cancelled)
    throw cancelledMeeting("no review was held at it", "Record the review at a meeting the panel held.");
  if (heldOn > localDay(ports.now()))
    throw new Refusal(
      "not-now",
      "That meeting has not happened yet. Record the review at or after the meeting.",
      {
        code: "meeting-to-come",
      },
    );
  const held = await item;
  refuseUnlessReviewer(access, actor.id, held.value);
  if (heldOn < localDay(new Date(held.value.raised.at)))
    throw new Refusal(
      "not-now",
      "That meeting was held before the entry was raised. Record the review at a meeting since.",
      { code: "meeting-before-raised" },
    );
  if (held.value.status !== "open")
    throw new Refusal("not-now", "This entry is closed. Reopen it by raising a new entry.", {
      code: "closed",
    });
  refuseIdentifying({ note: input.note });
  const review = RegisterReview.safeParse({
    meetingId: input.meetingId,
    note: input.note,
    by: actor.id,
    byName: actor.name,
    at: ports.now().toISOString(),
  });
  if (!review.success) throw invalidInput(review.error.issues);
  const saved = await saveChange(
    ports,
    actor,
    withReview(held.value, review.data),
    held,
    "register.reviewed",
    via,
  );
  return registerItemView(ports.catalogue, saved);
}
