import { Body1, Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";

/** Asks for the permission Teams needs before it can sign the person in (see Consent.tsx). */
export function ConsentPrompt({ problem, onContinue }: { problem: string | null; onContinue: () => void }) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        MACE panels needs your permission to sign you in. Select Continue, then agree in the window that
        opens.
        {problem && <Body1 as="p">{problem}</Body1>}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={onContinue}>
          Continue
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
