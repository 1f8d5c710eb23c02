import { Body1, Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useState } from "react";
import { RaiseRegisterItem } from "./RaiseRegisterItem.js";
import type { TokenSource } from "./api.js";
import { registerApi } from "./registerApi.js";

// After a case is escalated to the strategic MACE, the coordinator can raise the blockage or
// theme behind it on the strategic panel's register. The entry carries the case's reference only;
// the strategic panel's chair owns it until its coordinators pass it on.

export function EscalationOffer({
  token,
  panelId,
  meetingId,
  item,
  openAtFirst,
}: {
  token: TokenSource;
  panelId: string;
  meetingId: string;
  item: { subjectId: string; reference: string };
  openAtFirst: boolean;
}) {
  const [open, setOpen] = useState(openAtFirst);
  const [raised, setRaised] = useState<string | null>(null);
  if (raised)
    return (
      <MessageBar intent="success" role="status">
        <MessageBarBody>{raised}</MessageBarBody>
      </MessageBar>
    );
  if (!open)
    return (
      <div>
        <Button
          onClick={() => setOpen(true)}
          aria-label={`Raise on the strategic register: the escalation of ${item.reference}`}
        >
          Raise on the strategic register
        </Button>
      </div>
    );
  return (
    <>
      <Body1>
        Escalated: raise the blockage or theme behind it on the strategic MACE&apos;s register. It carries the
        case&apos;s reference, {item.reference}, and nothing else of the case.
      </Body1>
      <RaiseRegisterItem
        label={`Raise the escalation of ${item.reference} on the strategic register`}
        owners={null}
        onRaise={async (form) =>
          (await registerApi.raiseEscalation(token, panelId, meetingId, item.subjectId, form)).item
        }
        onRaised={(entry) =>
          setRaised(`${entry.reference} is raised on the strategic register, owned by ${entry.ownerName}.`)
        }
        onCancel={() => setOpen(false)}
      />
    </>
  );
}
