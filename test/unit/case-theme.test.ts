import assert from "node:assert/strict";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { screenedAreas, themeFromScreening } from "../../bot/src/domain/referrals/case-theme.js";

// A case's theme from the referral's contextual harm screening (001 referrals and appendix 2).

const AREAS = [
  { id: "criminal-exploitation", theme: "coercion-control" },
  { id: "missing", theme: "missing" },
  { id: "serious-youth-violence", theme: "serious-youth-violence" },
  { id: "education" },
];

describe("A case's theme from the referral's screening", () => {
  it("is the theme of the area of harm scoring highest", () => {
    const theme = themeFromScreening(AREAS, {
      "screening.criminal-exploitation": 8,
      "screening.missing": 14,
      "screening.serious-youth-violence": 12,
    });
    assert.equal(theme, "missing");
  });

  it("goes to the area configured first when two score the same", () => {
    const values = { "screening.serious-youth-violence": 12, "screening.missing": 12 };
    assert.equal(themeFromScreening(AREAS, values), "missing");
    assert.equal(themeFromScreening([...AREAS].reverse(), values), "serious-youth-violence");
  });

  it("is none when nothing was scored, or only zeros", () => {
    assert.equal(themeFromScreening(AREAS, {}), null);
    assert.equal(themeFromScreening(AREAS, { "screening.missing": 0, subjectName: "Ivy Testcase" }), null);
  });

  it("is none when the highest area has no section of its own: the coordinator places the case", () => {
    assert.equal(themeFromScreening(AREAS, { "screening.education": 20, "screening.missing": 12 }), null);
  });

  it("reads Merton's configured areas: missing episodes scoring highest is the Missing theme", () => {
    const panel = loadCatalogue("bot/config/areas").panels.get("merton-pre-mace");
    assert.ok(panel);
    const values = { "screening.missing": 15, "screening.criminal-exploitation": 11 };
    assert.equal(themeFromScreening(screenedAreas(panel), values), "missing");
    assert.deepEqual(screenedAreas({ referralRules: null }), []);
  });
});
