import assert from "node:assert/strict";
import { namesIn } from "../../bot/src/domain/privacy/identifying-detail.js";

// Meeting-wide text is checked for the names of the subjects the panel holds.

describe("Finding a subject's name in text every agency reads", () => {
  const names = ["Robin Invented-Hale", "Ada O'Brien-Testcase", "Li Wu"];

  it("finds the whole name, whatever the case, possessive included", () => {
    assert.deepEqual(namesIn("robin invented-hale was seen", names), ["Robin Invented-Hale"]);
    assert.deepEqual(namesIn("Ada O’Brien-Testcase's school called.", names), ["Ada O'Brien-Testcase"]);
  });

  it("does not take a first or family name alone, which may be a place's, nor part of a word", () => {
    assert.deepEqual(namesIn("Robin Hood Way is closed; the halfway house shut.", names), []);
    assert.deepEqual(namesIn("The Invented-Hale estate; Wu said the plan works.", names), []);
    assert.deepEqual(namesIn("Li Wu attended.", names), ["Li Wu"]);
  });
});
