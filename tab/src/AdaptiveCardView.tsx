import { makeStyles, tokens } from "@fluentui/react-components";
import {
  AdaptiveCard,
  ExecuteAction,
  GlobalRegistry,
  HostConfig,
  NumberInput,
  type Action,
  type IMarkdownProcessingResult,
} from "adaptivecards";
import { useEffect, useRef } from "react";

// One of the bot's Adaptive Cards drawn in the tab by the Adaptive Cards renderer, so the tab
// shows the very card Teams shows in chat. Only the referral form's page loads it: it is in that
// page's chunk, not in the tab's first download.

/** A press of one of the card's buttons: its verb and what the card sends with it. */
export interface CardPress {
  verb: string;
  data: Record<string, unknown>;
}

const useStyles = makeStyles({
  card: {
    // The renderer sets its own colours from the host config below; the inputs take Fluent's.
    "& input, & select, & textarea": {
      fontFamily: "inherit",
      fontSize: tokens.fontSizeBase300,
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorNeutralBackground1,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      borderRadius: tokens.borderRadiusMedium,
      padding: "6px 8px",
    },
    "& button": {
      fontFamily: "inherit",
      fontSize: tokens.fontSizeBase300,
      padding: "6px 12px",
      borderRadius: tokens.borderRadiusMedium,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorNeutralForeground1,
      cursor: "pointer",
    },
    "& button.style-positive": {
      backgroundColor: tokens.colorBrandBackground,
      color: tokens.colorNeutralForegroundOnBrand,
    },
  },
});

// Colours and type from Fluent's theme, through its CSS variables, so the card follows the tab's theme.
const text = (colour: string) => ({ default: colour, subtle: tokens.colorNeutralForeground3 });
const HOST = new HostConfig({
  fontFamily: "'Segoe UI', system-ui, sans-serif",
  supportsInteractivity: true,
  containerStyles: {
    default: {
      backgroundColor: "transparent",
      foregroundColors: {
        default: text(tokens.colorNeutralForeground1),
        accent: text(tokens.colorBrandForeground1),
        good: text(tokens.colorPaletteGreenForeground1),
        warning: text(tokens.colorPaletteDarkOrangeForeground1),
        attention: text(tokens.colorPaletteRedForeground1),
      },
    },
    attention: {
      backgroundColor: tokens.colorStatusDangerBackground1,
      foregroundColors: { default: text(tokens.colorNeutralForeground1) },
    },
    warning: {
      backgroundColor: tokens.colorStatusWarningBackground1,
      foregroundColors: { default: text(tokens.colorNeutralForeground1) },
    },
  },
  actions: { maxActions: 5, buttonSpacing: 8, showCard: { actionMode: "inline" } },
});

// The cards' text uses bold (**…**) and paragraphs; everything else is shown as typed.
function markdown(source: string, result: IMarkdownProcessingResult) {
  const escaped = source.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
  result.outputHtml = escaped
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>").replace(/\n/g, "<br>")}</p>`)
    .join("");
  result.didProcess = true;
}
AdaptiveCard.onProcessMarkdown = markdown;

// The renderer reads an empty number box as NaN and refuses it even when the box is optional (the
// screening scores): an empty optional box is valid, and is not sent, as in Teams.
class OptionalNumberInput extends NumberInput {
  override isValid(): boolean {
    return this.isSet() ? super.isValid() : !this.isRequired;
  }
}
GlobalRegistry.elements.register("Input.Number", OptionalNumberInput);

/** Draws `card`; each press of an Execute button, once its inputs are valid, goes to `onPress`. */
export function AdaptiveCardView({
  card,
  onPress,
  label,
}: {
  card: Record<string, unknown>;
  onPress: (press: CardPress) => void;
  /** What the card is, for screen readers. */
  label: string;
}) {
  const styles = useStyles();
  const holder = useRef<HTMLDivElement>(null);
  const pressed = useRef(onPress);
  pressed.current = onPress;

  useEffect(() => {
    const target = holder.current;
    if (!target) return;
    const drawn = new AdaptiveCard();
    drawn.hostConfig = HOST;
    drawn.onExecuteAction = (action: Action) => {
      if (action instanceof ExecuteAction)
        pressed.current({ verb: action.verb, data: (action.data ?? {}) as Record<string, unknown> });
    };
    drawn.parse(card);
    const element = drawn.render();
    target.replaceChildren(...(element ? [element] : []));
    return () => target.replaceChildren();
  }, [card]);

  return <div ref={holder} className={styles.card} role="group" aria-label={label} />;
}
