import { Suspense, useCallback, useRef, useState, type ReactNode } from "react";
import { lazyPage } from "./lazyPages.js";
import { askForConsent } from "./teams.js";

// Few people ever see the prompt, so its controls are fetched only when it is shown.
const ConsentPrompt = lazyPage(() => import("./ConsentPrompt.js").then((m) => m.ConsentPrompt));

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
    <Suspense fallback={null}>
      <ConsentPrompt problem={problem} onContinue={() => void proceed()} />
    </Suspense>
  );
  return { ask, prompt };
}
