import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  teamsLightTheme,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { api } from "./api.js";
import { finishConsent, startConsent } from "./teams.js";

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
