import {
  Badge,
  Body1,
  MessageBar,
  MessageBarBody,
  Spinner,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ResponsiveTable } from "./ResponsiveTable.js";
import { useEffect, useState } from "react";
import type { MeetingOfChatResponse, TokenSource } from "./api.js";
import { meetingApi } from "./meetingApi.js";
import { positionIn, serviceClock, timeSpan } from "./meetingNow.js";
import { useApi } from "./useApi.js";

// The agenda on the Teams meeting's stage, which everyone in the meeting sees: items and times,
// and each case by its reference alone. The service sends nothing more, so nothing more can show.

const REFRESH_MS = 30_000;

const useStyles = makeStyles({
  stage: { display: "flex", flexDirection: "column", gap: "12px" },
  muted: { color: tokens.colorNeutralForeground3 },
  current: { backgroundColor: tokens.colorBrandBackground2 },
});

export function MeetingStage({
  token,
  found,
  meetingId,
}: {
  token: TokenSource;
  found: MeetingOfChatResponse;
  meetingId: string;
}) {
  const styles = useStyles();
  const stage = useApi(
    () => meetingApi.stage(token, found.panelId, meetingId),
    [token, found.panelId, meetingId],
  );
  const [now, setNow] = useState(() => Date.parse(found.now));
  useEffect(() => {
    const clock = serviceClock(found.now);
    const timer = window.setInterval(() => {
      setNow(clock());
      void stage.reload();
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [found.now, stage.reload]);

  const data = stage.data;
  const rows = (data?.items ?? []).flatMap((item, n) =>
    item.slots.length
      ? item.slots.map((s, k) => ({ key: `${n}-${k}`, title: item.title, ...s }))
      : [{ key: `${n}`, title: item.title, start: item.start, end: item.end, references: item.listed }],
  );
  const at = positionIn(rows, now);
  return (
    <section className={styles.stage} aria-labelledby="stage-title">
      <Title2 as="h1" id="stage-title">
        {found.panelName}: agenda
      </Title2>
      {data && (
        <Body1 as="p" className={styles.muted}>
          {data.meeting.description}. Cases are shown by reference only.
        </Body1>
      )}
      {stage.loading && <Spinner label="Loading the agenda…" />}
      {stage.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{stage.error}</MessageBarBody>
        </MessageBar>
      )}
      {data && (
        <ResponsiveTable aria-label="Agenda on the stage">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Time</TableHeaderCell>
              <TableHeaderCell>Item</TableHeaderCell>
              <TableHeaderCell>Cases</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row, n) => (
              <TableRow
                key={row.key}
                className={n === at?.index ? styles.current : undefined}
                aria-current={n === at?.index && at.state === "now" ? "step" : undefined}
              >
                <TableCell>{timeSpan(row)}</TableCell>
                <TableCell>
                  {row.title}{" "}
                  {n === at?.index && (
                    <Badge appearance="filled" color={at.state === "now" ? "brand" : "informative"}>
                      {at.state === "now" ? "Now" : "Next"}
                    </Badge>
                  )}
                </TableCell>
                <TableCell>{row.references.join(", ")}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ResponsiveTable>
      )}
    </section>
  );
}
