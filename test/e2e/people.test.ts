import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import type { GraphServer } from "../../scripts/dev-kit/graph-stand-in/index.js";
import { seriousAccessibilityProblems } from "../support/axe.js";
import { ARTEFACTS, chromiumBrowser } from "../support/browser.js";
import { startServiceWithGraph } from "../support/graph.js";
import type { TestService } from "../support/service.js";

describe("An area's people, managed from the tab in Chromium", function () {
  this.timeout(60_000);
  let service: TestService;
  let graph: GraphServer;
  // Each page is its own browser context, so each keeps its own sign-in.
  let administrator: Page;
  let newcomer: Page;

  const signIn = async (page: Page, label: string) => {
    await page.goto(`${service.url}/tab/`);
    await page.getByLabel("Demo person").selectOption({ label });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Your panels" }).waitFor();
  };

  before(async () => {
    ({ service, graph } = await startServiceWithGraph());
    const browser = await chromiumBrowser();
    administrator = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    newcomer = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    for (const page of [administrator, newcomer])
      page.on("pageerror", (e) => console.error("tab error:", e.message));
  });
  after(async () => {
    await administrator?.close();
    await newcomer?.close();
    await service?.close();
    await graph?.close();
  });

  it("Merton's administrator finds someone in the directory and makes them a member of pre-MACE; they see the panel until removed", async () => {
    await signIn(administrator, "Ines Dalgaard (Partnership business manager)");
    await administrator.getByRole("button", { name: "People of Merton" }).click();
    await administrator.getByRole("heading", { name: "Merton: people" }).waitFor();
    const table = administrator.getByRole("table", { name: "Merton people" });
    assert.match(await table.innerText(), /Priya Okafor[\s\S]*Pre-MACE operational panel: coordinator/);

    await administrator.getByRole("button", { name: "Add someone" }).click();
    await administrator.getByLabel("Name or email address").fill("Amara");
    await administrator.getByRole("button", { name: "Search the directory" }).click();
    await administrator.getByRole("button", { name: "Choose Amara Lindqvist" }).click();
    const editor = administrator.getByRole("region", { name: "Amara Lindqvist" });
    await editor.getByLabel("Agency").selectOption({ label: "Children's Social Care" });
    await editor.getByLabel("Job title").fill("Social worker, Adolescent Support team");
    await editor.getByRole("button", { name: "Add to Merton's people" }).click();
    await editor
      .getByRole("status")
      .filter({ hasText: "Amara Lindqvist is added to Merton's people." })
      .waitFor();

    await editor
      .getByLabel("Role on Pre-MACE operational panel", { exact: true })
      .selectOption({ label: "Member (agency representative)" });
    await editor.getByRole("button", { name: "Save role on Pre-MACE operational panel" }).click();
    await editor
      .getByRole("status")
      .filter({ hasText: "now member on Pre-MACE operational panel" })
      .waitFor();
    const row = table.locator("tr", { hasText: "Amara Lindqvist" });
    assert.match(await row.innerText(), /Children's Social Care[\s\S]*Pre-MACE operational panel: member/);
    await administrator.screenshot({ path: `${ARTEFACTS}/tab-people.png`, fullPage: true });
    assert.deepEqual(await seriousAccessibilityProblems(administrator), []);

    await signIn(newcomer, "Amara Lindqvist (Social worker, Adolescent Support team)");
    await newcomer.getByRole("button", { name: "Meetings of Pre-MACE operational panel" }).waitFor();

    await editor
      .getByRole("button", { name: "Remove Amara Lindqvist from Pre-MACE operational panel" })
      .click();
    await editor.getByRole("status").filter({ hasText: "no longer on Pre-MACE operational panel" }).waitFor();
    assert.match(await row.innerText(), /None/);

    // Her page still shows the panel; the next thing she opens is refused, in plain words.
    await newcomer.getByRole("button", { name: "Action log of Pre-MACE operational panel" }).click();
    const refusal = newcomer.getByRole("alert");
    await refusal.waitFor();
    assert.match(
      await refusal.innerText(),
      /You are not a member of this panel\. Ask its coordinator to add you\./,
    );
  });

  it("previews an import file's rows before importing them", async () => {
    const file = [
      "objectId,email,displayName,agency,jobTitle,panel,role,deputyFor,approvesReferrals",
      "00000000-0000-4000-8000-000000000202,felix.oduya@merton.example,Felix Oduya,Children's Social Care,Team manager,,,,no",
      "00000000-0000-4000-8000-000000000205,ines.marwick@nhs.example,Ines Marwick,Fire Service,Designated Nurse,,,,no",
    ].join("\n");
    await administrator.getByLabel("CSV file to import").setInputFiles({
      name: "merton-people.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(file),
    });
    const preview = administrator.getByRole("table", { name: "Import preview" });
    await preview.waitFor();
    assert.match(await preview.locator("[data-line='2']").innerText(), /To add[\s\S]*added to the directory/);
    assert.match(
      await preview.locator("[data-line='3']").innerText(),
      /Problem[\s\S]*agency "Fire Service" is not one of Merton's agencies/,
    );
    await administrator.getByRole("button", { name: "Import 1 row" }).click();
    await administrator
      .getByRole("status")
      .filter({ hasText: "Imported merton-people.csv: 1 added" })
      .waitFor();
    await administrator.getByRole("table", { name: "Merton people" }).getByText("Felix Oduya").waitFor();
  });
});
