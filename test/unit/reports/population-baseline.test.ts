import assert from "node:assert/strict";
import {
  PopulationBaseline,
  baselineChildren,
  baselineProblems,
  baselineRows,
} from "../../../bot/src/domain/reports/population-baseline.js";

// An area's child population by ethnic group, loaded from a CSV an analyst can replace.

describe("A population baseline loaded from a CSV", () => {
  it("reads each group by the form's wording or its value, with a header row or without", () => {
    const rows = [
      ["Ethnic group", "Children"],
      ["White: English, Welsh, Scottish, Northern Irish or British", "41,200"],
      ["black-african", "6300"],
      ["  white: irish ", "900"],
    ];
    assert.deepEqual(baselineProblems(rows), []);
    assert.deepEqual(baselineChildren(rows), {
      "white-british": 41200,
      "black-african": 6300,
      "white-irish": 900,
    });
    assert.deepEqual(baselineChildren(rows.slice(1)), baselineChildren(rows));
  });

  it("names each row's problem in words, counting the header as row 1", () => {
    const problems = baselineProblems([
      ["Ethnic group", "Children"],
      ["White: Irish", "900"],
      ["Asian or Asian British: Indian", "many"],
      ["Whte British", "4000"],
      ["White: Irish", "12"],
      ["Not known", "30"],
      ["Other ethnic group: Arab"],
    ]);
    assert.deepEqual(problems, [
      "Row 3: 'many' is not a whole number of children.",
      "Row 4: 'Whte British' is not one of the ethnic groups the form asks.",
      "Row 5: 'White: Irish' is given twice, here and in row 2.",
      'Row 6: a population has no "Not known" group; leave that row out.',
      "Row 7: give two values, the ethnic group and the number of children.",
    ]);
    assert.throws(() => baselineChildren([["Whte British", "4000"]]), /Row 1: 'Whte British'/);
  });

  it("refuses a file with no rows, or only zeros", () => {
    assert.deepEqual(baselineProblems([["Ethnic group", "Children"]]), [
      "The file has no rows: give each ethnic group and its number of children.",
    ]);
    assert.deepEqual(baselineProblems([["White: Irish", "0"]]), [
      "Every group has 0 children: give the area's numbers of children.",
    ]);
  });

  it("writes back as rows in the form's order that load again to the same figures", () => {
    const baseline = PopulationBaseline.parse({
      areaId: "testshire",
      source: "Invented for the demonstration",
      invented: true,
      year: 2021,
      children: { "white-irish": 900, "asian-indian": 2500 },
    });
    const rows = baselineRows(baseline);
    assert.deepEqual(rows, [
      ["Ethnic group", "Children"],
      ["Asian or Asian British: Indian", "2500"],
      ["White: Irish", "900"],
    ]);
    assert.deepEqual(baselineChildren(rows), baseline.children);
  });

  it("holds only the form's groups, never 'not known'", () => {
    const base = { areaId: "testshire", source: "Census 2021", invented: false, year: 2021 };
    assert.equal(PopulationBaseline.safeParse({ ...base, children: { "not-known": 3 } }).success, false);
    assert.equal(PopulationBaseline.safeParse({ ...base, children: { martian: 3 } }).success, false);
    assert.equal(PopulationBaseline.safeParse({ ...base, children: { "white-roma": 3 } }).success, true);
  });
});
