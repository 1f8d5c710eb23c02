import assert from "node:assert/strict";
import { meetingsCalendar } from "../../bot/src/adapters/calendar/ics.js";
import { slotInviteText } from "../../bot/src/domain/schedule/slot-invite.js";

describe("A presenter's slot invitation", () => {
  const slot = {
    caseReference: "MER-2027-0007",
    start: "2027-07-01T10:10:00+01:00",
    end: "2027-07-01T10:20:00+01:00",
  };

  it("names the slot's UK times, the join link and the case reference", () => {
    const text = slotInviteText(
      "Merton Pre-MACE operational panel",
      slot,
      "https://teams.microsoft.com/l/meetup-join/x",
    );
    assert.equal(text.subject, "Merton Pre-MACE operational panel: your presentation slot for MER-2027-0007");
    assert.match(text.body, /on Thursday 1 July 2027, from 10:10 to 10:20 \(UK time\)/);
    assert.match(
      text.body,
      /a few minutes before your slot: https:\/\/teams\.microsoft\.com\/l\/meetup-join\/x/,
    );
    assert.match(text.body, /do not reply to this invitation with case details/);
  });

  it("says why the person is expected at the slot, when it is known", () => {
    const text = slotInviteText("Panel", { ...slot, as: "allocated social worker (000 §2)" }, null);
    assert.match(text.body, /Why you are expected: allocated social worker \(000 §2\)\./);
    assert.doesNotMatch(slotInviteText("Panel", slot, null).body, /Why you are expected/);
  });

  it("says the link will follow when the meeting has none yet", () => {
    assert.match(slotInviteText("Panel", slot, null).body, /coordinator will send you the link to join/);
  });

  it("without Microsoft Graph, is a single iCalendar event for the slot alone", () => {
    const text = slotInviteText("Merton Pre-MACE operational panel", slot, null);
    const folded = meetingsCalendar("Merton Pre-MACE operational panel", [
      {
        start: slot.start,
        end: slot.end,
        uid: "slot-1@mace-panels",
        summary: text.subject,
        description: text.body,
      },
    ]);
    // iCalendar folds long lines; unfold them to read the properties whole.
    const ics = folded.replace(/\r\n /g, "");
    assert.match(ics, /DTSTART;TZID=Europe\/London:20270701T101000/);
    assert.match(ics, /DTEND;TZID=Europe\/London:20270701T102000/);
    assert.match(ics, /SUMMARY:Merton Pre-MACE operational panel: your presentation slot for MER-2027-0007/);
    assert.doesNotMatch(ics.slice(ics.indexOf("BEGIN:VEVENT")), /RRULE/);
    assert.equal(ics.match(/BEGIN:VEVENT/g)?.length, 1);
  });
});
