import assert from "node:assert/strict";
import { positionIn, serviceClock, timeSpan } from "../../tab/src/meetingNow.js";

// Where the meeting has got to, as the side panel and the stage show it, by the agenda's times.

const items = [
  { start: "2027-01-07T10:00:00+00:00", end: "2027-01-07T10:05:00+00:00" },
  { start: "2027-01-07T10:05:00+00:00", end: "2027-01-07T10:20:00+00:00" },
  { start: "2027-01-07T10:30:00+00:00", end: "2027-01-07T10:40:00+00:00" },
];
const at = (iso: string) => Date.parse(iso);

describe("The item under way in a meeting", () => {
  it("before the meeting, its first item is next", () => {
    assert.deepEqual(positionIn(items, at("2027-01-07T09:30:00Z")), { index: 0, state: "next" });
  });

  it("during an item, that item is under way, from its first minute to just before the next one's", () => {
    assert.deepEqual(positionIn(items, at("2027-01-07T10:05:00Z")), { index: 1, state: "now" });
    assert.deepEqual(positionIn(items, at("2027-01-07T10:19:59Z")), { index: 1, state: "now" });
  });

  it("between items, the next one to start is next; after the last, none", () => {
    assert.deepEqual(positionIn(items, at("2027-01-07T10:25:00Z")), { index: 2, state: "next" });
    assert.equal(positionIn(items, at("2027-01-07T10:40:00Z")), null);
  });

  it("tells times in UK time, summer and winter, by the service's clock rather than the device's", () => {
    assert.equal(timeSpan(items[0]!), "10:00 to 10:05");
    assert.equal(timeSpan({ start: "2027-07-01T08:30:00Z", end: "2027-07-01T08:40:00Z" }), "09:30 to 09:40");
    const clock = serviceClock(new Date(Date.now() + 3_600_000).toISOString());
    assert.ok(Math.abs(clock() - (Date.now() + 3_600_000)) < 1_000);
  });
});
