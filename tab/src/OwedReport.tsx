import { Button, Caption1 } from "@fluentui/react-components";
import type { ReportResponse } from "../../bot/src/adapters/http/contract/index.js";
import type { PeriodChoice } from "./ReportPeriod.js";

// The report the area's terms of reference owe its partnership, named as they name it, with a way
// to the period it covers when another is chosen.

const EACH: Record<NonNullable<ReportResponse["periodicReport"]>["period"], string> = {
  cycle: "each bi-monthly cycle",
  quarter: "each quarter",
  year: "each year",
};
const PERIOD: Record<keyof typeof EACH, string> = {
  cycle: "Show this cycle",
  quarter: "Show this quarter",
  year: "Show the last year",
};

export function OwedReport({
  owed,
  choice,
  onChoose,
}: {
  owed: ReportResponse["periodicReport"];
  choice: PeriodChoice;
  onChoose: (c: PeriodChoice) => void;
}) {
  if (!owed) return null;
  return (
    <Caption1 as="p">
      {owed.title}, reported {EACH[owed.period]} ({owed.source}).{" "}
      {choice.kind !== owed.period && (
        <Button
          size="small"
          appearance="transparent"
          onClick={() => onChoose({ ...choice, kind: owed.period })}
        >
          {PERIOD[owed.period]}
        </Button>
      )}
    </Caption1>
  );
}
