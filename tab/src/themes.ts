import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from "@fluentui/react-components";
import type { ThemeName } from "./teams.js";

// Teams' themes, with links in the dark theme one step lighter: Teams' own link colour falls below
// WCAG AA's 4.5:1 on the grey a table row turns when the pointer is over it.
const dark: Theme = {
  ...teamsDarkTheme,
  colorBrandForegroundLink: teamsDarkTheme.colorBrandForeground2,
  colorBrandForegroundLinkHover: teamsDarkTheme.colorBrandForeground2Hover,
  colorBrandForegroundLinkPressed: teamsDarkTheme.colorBrandForeground2Pressed,
};

export const THEMES: Record<ThemeName, Theme> = {
  default: teamsLightTheme,
  dark,
  contrast: teamsHighContrastTheme,
};
