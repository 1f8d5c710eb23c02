import { createRequire } from "node:module";
import { renderAsync, Resvg, type ResvgRenderOptions } from "@resvg/resvg-js";

// Pictures the service draws as SVG (a report's charts, the map around a subject) turned into PNG
// by resvg, with the bundled DejaVu Sans whatever fonts the machine has.

/** The font the service's pictures are drawn in. */
export const FONT = "DejaVu Sans";
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) =>
  createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`),
);

type FitTo = NonNullable<ResvgRenderOptions["fitTo"]>;
const options = (fitTo: FitTo): ResvgRenderOptions => ({
  fitTo,
  font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT },
});

/** The SVG as a PNG, scaled as `fitTo` says. */
export function svgPng(svg: string, fitTo: FitTo): { png: Buffer; width: number; height: number } {
  const rendered = new Resvg(svg, options(fitTo)).render();
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}

/** The same, drawn off the event loop: a large picture takes the better part of a second. */
export async function svgPngAside(svg: string, fitTo: FitTo): Promise<Buffer> {
  return (await renderAsync(svg, options(fitTo))).asPng();
}
