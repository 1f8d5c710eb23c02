import {
  Body1,
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  teamsLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { api } from "./api.js";
import { askForConsent, finishConsent, startConsent } from "./teams.js";

/**
 * The prompt shown when Teams needs the person's permission before it can sign them in. Calls
 * waiting for a token wait for it: once the person has agreed, they go on where they were.
 */
export function useConsentPrompt(): { ask: () => Promise<void>; prompt: ReactNode } {
  const waiting = useRef<(() => void)[]>([]);
  const [shown, setShown] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const ask = useCallback(
    () =>
      new Promise<void>((resolve) => {
        waiting.current.push(resolve);
        setShown(true);
      }),
    [],
  );
  const proceed = async () => {
    setProblem(null);
    try {
      await askForConsent();
    } catch (e) {
      setProblem(
        /CancelledByUser/.test((e as Error).message)
          ? "The permission window was closed before you agreed. Select Continue to try again."
          : "Permission was not given, so MACE panels cannot sign you in. Select Continue to try again, or ask your administrator to grant it for your organisation.",
      );
      return;
    }
    setShown(false);
    for (const resume of waiting.current.splice(0)) resume();
  };

  const prompt = shown && (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        MACE panels needs your permission to sign you in. Select Continue, then agree in the window that
        opens.
        {problem && <Body1 as="p">{problem}</Body1>}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={() => void proceed()}>
          Continue
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
  return { ask, prompt };
}

/** The permission window Teams opens: on to Entra ID (`consent`), and back (`consent-done`). */
export function ConsentPage({ step }: { step: "consent" | "consent-done" }) {
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const going =
      step === "consent-done"
        ? finishConsent()
        : api.authConfig().then((config) => {
            if (config.mode !== "teams-sso" || !config.consent || !config.clientId)
              throw new Error(
                "Ask your administrator to grant MACE panels permission for your organisation.",
              );
            return startConsent(config.consent, config.clientId);
          });
    going.catch((e: unknown) => setProblem((e as Error).message));
  }, [step]);
  return (
    <FluentProvider theme={teamsLightTheme}>
      <main style={{ padding: "24px" }}>
        {problem ? (
          <MessageBar intent="error">
            <MessageBarBody>{problem}</MessageBarBody>
          </MessageBar>
        ) : (
          <Spinner label="Asking for your permission…" />
        )}
      </main>
    </FluentProvider>
  );
}
