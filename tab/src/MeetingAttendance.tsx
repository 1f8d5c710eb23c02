import { Body1, Button, Field, Input, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import type { ApologyBody, RoomResponse, SignInCardResponse } from "./api.js";
import { ChoiceField } from "./ChoiceField.js";

// Who is at the meeting: those signed in and the apologies; for the coordinator, recording
// apologies and posting the sign-in card to the panel's channel.

const useStyles = makeStyles({
  row: { display: "flex", gap: "12px", flexWrap: "wrap", alignItems: "flex-end" },
  block: { display: "block", marginTop: "8px" },
  list: { margin: 0, paddingLeft: "20px" },
});

export function MeetingAttendance({
  room,
  coordinator,
  act,
  onApology,
  onOpenSignIn,
}: {
  room: RoomResponse;
  coordinator: boolean;
  /** Runs a step of the meeting, then says how it went and reads the meeting again. */
  act: (work: () => Promise<unknown>, done: string) => Promise<void>;
  onApology: (apology: ApologyBody) => Promise<unknown>;
  onOpenSignIn: () => Promise<SignInCardResponse>;
}) {
  const styles = useStyles();
  const [apology, setApology] = useState({ agencyId: "", personName: "" });
  return (
    <>
      <div>
        <Body1 as="h3" className={styles.block}>
          Signed in ({room.signIns.length})
        </Body1>
        <ul className={styles.list} aria-label="Signed in">
          {room.signIns.map((s) => (
            <li key={`${s.name}-${s.at}`}>
              {s.name}, {s.agency}
              {s.capacity === "member" ? "" : ` (${s.capacity})`}
            </li>
          ))}
        </ul>
        <Body1 as="h3" className={styles.block}>
          Apologies
        </Body1>
        <ul className={styles.list} aria-label="Apologies">
          {room.apologies.map((a) => (
            <li key={a.id}>
              {a.name}, {a.agency}
            </li>
          ))}
        </ul>
      </div>

      {coordinator && (
        <div className={styles.row}>
          <ChoiceField
            label="Apologies from agency"
            value={apology.agencyId}
            onChange={(agencyId) => setApology({ ...apology, agencyId })}
            options={room.agencies.map((a) => ({ value: a.id, label: a.name }))}
            empty="Choose…"
          />
          <Field label="Name">
            <Input
              value={apology.personName}
              onChange={(_e, d) => setApology({ ...apology, personName: d.value })}
            />
          </Field>
          <Button
            onClick={() =>
              void act(async () => {
                await onApology(apology);
                setApology({ agencyId: "", personName: "" });
              }, "Apologies recorded.")
            }
          >
            Record apologies
          </Button>
          {room.inProgress && (
            <Button
              disabled={room.signInCardPosted}
              onClick={() =>
                void act(async () => {
                  const r = await onOpenSignIn();
                  if (!r.posted && !r.alreadyPosted)
                    throw new Error("The panel has no channel linked, so the card was not posted.");
                }, "The sign-in card is in the panel's channel.")
              }
            >
              {room.signInCardPosted ? "Sign-in card posted" : "Post the sign-in card to the channel"}
            </Button>
          )}
        </div>
      )}
    </>
  );
}
