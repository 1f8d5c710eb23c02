import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Title2,
  makeStyles,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { AdaptiveCardView, type CardPress } from "./AdaptiveCardView.js";
import { api, type ReferralFormPressBody, type ReferralFormResponse, type TokenSource } from "./api.js";
import { headerStyles } from "./styles.js";

// The referral form in the tab, for Teams on a phone, where a card's buttons do nothing: the very
// cards the bot sends in chat, one step at a time, each press checked on the service by the same
// steps as the bot's. A link can choose the panel and the kind of referral, opening the form itself.

const useStyles = makeStyles({
  ...headerStyles,
  form: { marginTop: "16px", maxWidth: "720px" },
  busy: { marginTop: "8px" },
});

export function ReferralFormPage({
  token,
  panelId,
  kind,
  onBack,
}: {
  token: TokenSource;
  panelId: string | null;
  kind: string | null;
  onBack: () => void;
}) {
  const styles = useStyles();
  const [card, setCard] = useState<Record<string, unknown> | null>(null);
  const [message, setMessage] = useState<{ intent: "info" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(true);
  const formRef = useRef<HTMLDivElement>(null);

  const answered = useCallback(async (reply: Promise<ReferralFormResponse>, first = false) => {
    setBusy(true);
    setMessage(null);
    try {
      const next = await reply;
      if ("card" in next) {
        setCard(next.card);
        // Each new step is read from its start, as a new card in chat is.
        if (!first) requestAnimationFrame(() => formRef.current?.focus());
      } else setMessage({ intent: "info", text: next.message });
    } catch (e) {
      setMessage({ intent: "error", text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    void answered(
      panelId && kind
        ? api.referralFormPress(token, { verb: "referral.open", data: { panelId, kind } })
        : api.referralFormStart(token),
      true,
    );
  }, [token, panelId, kind, answered]);

  const press = ({ verb, data }: CardPress) => {
    if (busy) return;
    // The service knows the form's verbs and checks every value; a card sends only its own.
    const body = { verb, data } as ReferralFormPressBody;
    void answered(api.referralFormPress(token, body));
  };

  return (
    <>
      <header className={styles.header}>
        <div className={styles.titleBlock}>
          <Title2 as="h1">Make a referral</Title2>
          <Body1 as="p" className={styles.muted}>
            The same form as in your chat with MACE panels. Your answers are kept between steps, and nothing
            reaches the panel until you send it.
          </Body1>
        </div>
        <Button onClick={onBack}>Back to your panels</Button>
      </header>
      {message && (
        <MessageBar intent={message.intent} role={message.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <div ref={formRef} tabIndex={-1} className={styles.form} aria-busy={busy}>
        {card && <AdaptiveCardView card={card} onPress={press} label="Referral form" />}
      </div>
      {busy && (
        <Spinner className={styles.busy} size="tiny" label={card ? "Sending…" : "Opening the form…"} />
      )}
    </>
  );
}
