import { app, authentication, pages } from "@microsoft/teams-js";

export type ThemeName = "default" | "dark" | "contrast";

/** True when the page is hosted by Teams (inside its frame); false when opened directly in a browser. */
export function hostedInTeams(): boolean {
  return window.parent !== window || /Teams/i.test(navigator.userAgent);
}

/** Starts the Teams SDK; returns the sub-page a deep link asked for (`panel=…&meeting=…`), if any. */
export async function initialiseTeams(onTheme: (theme: ThemeName) => void): Promise<string | undefined> {
  await app.initialize();
  const context = await app.getContext();
  onTheme(toTheme(context.app.theme));
  app.registerOnThemeChangeHandler((t) => onTheme(toTheme(t)));
  app.notifySuccess();
  return context.page.subPageId;
}

function toTheme(theme: string | undefined): ThemeName {
  if (theme === "dark") return "dark";
  if (theme === "contrast") return "contrast";
  return "default";
}

/** The Teams single sign-on token for this app, which the service validates against Entra ID. */
export function teamsToken(): Promise<string> {
  return authentication.getAuthToken();
}

/** Lets Teams save a channel tab whose content is the panels page. */
export async function configureChannelTab(contentUrl: string): Promise<void> {
  await app.initialize();
  pages.config.registerOnSaveHandler((save) => {
    void pages.config
      .setConfig({
        entityId: "mace-panels",
        contentUrl,
        websiteUrl: contentUrl,
        suggestedDisplayName: "MACE panels",
      })
      .then(() => save.notifySuccess());
  });
  pages.config.setValidityState(true);
  app.notifySuccess();
}
