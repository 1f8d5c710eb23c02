import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useState } from "react";
import { minutesApi } from "./minutesApi.js";
import type { MinutesResponse, TokenSource } from "./api.js";

// Where the terms of reference keep the minutes inside the panel without the chairs' agreement, a
// chair agrees, between meetings, to the agreed minutes going to the agencies.

export function MinutesCirculation({
  token,
  panelId,
  minutes,
  onAgreed,
}: {
  token: TokenSource;
  panelId: string;
  minutes: MinutesResponse;
  onAgreed: () => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  if (minutes.status.state !== "awaiting-chair" || !minutes.agreementVersion) return null;
  const version = minutes.agreementVersion;
  return (
    <div>
      <Button
        appearance="primary"
        onClick={() =>
          void minutesApi
            .agreeCirculation(token, panelId, minutes.meetingId, version)
            .then(onAgreed)
            .catch((e: Error) => setProblem(e.message))
        }
      >
        Agree to the minutes going to the agencies
      </Button>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
