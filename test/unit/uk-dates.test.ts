import assert from "node:assert/strict";
import { dateOfIsoDay, dateProblem, formatUkDate, isoDay, parseUkDate } from "../../tab/src/ukDates.js";

// The tab's date fields read and show dates day first, as people in the UK write them, and send
// the service the ISO day.

const typed = (text: string) => {
  const date = parseUkDate(text);
  return date && isoDay(date);
};

describe("Dates typed in the tab, day first", () => {
  it("04/03/2027 is 4 March 2027, sent as 2027-03-04", () => {
    assert.equal(typed("04/03/2027"), "2027-03-04");
    assert.equal(typed("4/3/2027"), "2027-03-04");
    assert.equal(typed(" 04.03.2027 "), "2027-03-04");
    assert.equal(typed("04-03-2027"), "2027-03-04");
  });

  it("an ISO day pasted in is read as the same day", () => {
    assert.equal(typed("2027-03-04"), "2027-03-04");
  });

  it("31/02/2027 is refused, and the words say February has no day 31", () => {
    assert.equal(parseUkDate("31/02/2027"), null);
    assert.equal(dateProblem("31/02/2027"), "February 2027 has no day 31. Check the date and type it again.");
  });

  it("a month past 12 is refused, saying the month comes second", () => {
    assert.equal(parseUkDate("03/13/2027"), null);
    assert.match(dateProblem("03/13/2027"), /^There is no month 13: the month comes second\./);
  });

  it("text that is no date is refused, with the form to type it in", () => {
    assert.equal(parseUkDate("next Tuesday"), null);
    assert.equal(parseUkDate("4/3/27"), null);
    assert.equal(
      dateProblem("next Tuesday"),
      '"next Tuesday" is not a date. Type it as day/month/year, for example 04/03/2027.',
    );
  });

  it("29 February is a day only in a leap year", () => {
    assert.equal(typed("29/02/2028"), "2028-02-29");
    assert.equal(parseUkDate("29/02/2027"), null);
  });

  it("a date chosen shows as DD/MM/YYYY, and the service's ISO day comes back as the same day", () => {
    const day = dateOfIsoDay("2027-03-04");
    assert.ok(day);
    assert.equal(formatUkDate(day), "04/03/2027");
    assert.equal(isoDay(day), "2027-03-04");
    assert.equal(dateOfIsoDay(""), null);
    assert.equal(dateOfIsoDay("2027-02-31"), null);
  });
});
