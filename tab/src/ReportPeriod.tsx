import { Field, Radio, RadioGroup, Select, makeStyles } from "@fluentui/react-components";
import type { PeriodKind } from "./api.js";

// The period a report covers: this bi-monthly cycle, this quarter, the last year, or months the
// person chooses. The service works out the days of each; the tab only names the months.

export interface PeriodChoice {
  kind: PeriodKind;
  /** The first and last month of a period of months chosen (YYYY-MM); read only for "custom". */
  from: string;
  to: string;
}

const KINDS: Record<PeriodKind, string> = {
  cycle: "This bi-monthly cycle",
  quarter: "This quarter",
  year: "The last year",
  custom: "Months you choose",
};

/** How far back the months offered go: five years, the longest period the service reports on. */
const MONTHS_OFFERED = 60;

const useStyles = makeStyles({
  period: { display: "flex", flexDirection: "column", gap: "8px" },
  months: { display: "flex", gap: "12px", alignItems: "flex-start", flexWrap: "wrap" },
});

/** "2026-10" as people read it: "October 2026". */
export function monthLabel(month: string): string {
  return new Date(`${month}-01T12:00:00Z`).toLocaleDateString("en-GB", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** This month and the ones before it that the picker offers, latest first. */
function recentMonths(today: Date): string[] {
  const months: string[] = [];
  for (let back = 0; back < MONTHS_OFFERED; back++) {
    const at = new Date(Date.UTC(today.getFullYear(), today.getMonth() - back, 1));
    months.push(at.toISOString().slice(0, 7));
  }
  return months;
}

/** The choice a report page opens with: this quarter, and for months chosen the last three. */
export function firstChoice(today = new Date()): PeriodChoice {
  const months = recentMonths(today);
  return { kind: "quarter", from: months[2] ?? "", to: months[0] ?? "" };
}

/** Why the months chosen make no period, in words; null when they do. */
export function choiceProblem(choice: PeriodChoice): string | null {
  if (choice.kind !== "custom") return null;
  return choice.from > choice.to ? "The last month comes before the first: choose them again." : null;
}

export function ReportPeriod({
  choice,
  onChange,
}: {
  choice: PeriodChoice;
  onChange: (choice: PeriodChoice) => void;
}) {
  const styles = useStyles();
  const months = recentMonths(new Date());
  const problem = choiceProblem(choice);
  const monthPicker = (label: string, value: string, pick: (month: string) => void, said: string | null) => (
    <Field label={label} validationState={said ? "error" : "none"} validationMessage={said}>
      <Select value={value} onChange={(_e, d) => pick(d.value)}>
        {months.map((m) => (
          <option key={m} value={m}>
            {monthLabel(m)}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <div className={styles.period}>
      <Field label="Period">
        <RadioGroup
          layout="horizontal"
          value={choice.kind}
          onChange={(_e, d) => onChange({ ...choice, kind: d.value as PeriodKind })}
        >
          {(Object.keys(KINDS) as PeriodKind[]).map((kind) => (
            <Radio key={kind} value={kind} label={KINDS[kind]} />
          ))}
        </RadioGroup>
      </Field>
      {choice.kind === "custom" && (
        <div className={styles.months}>
          {monthPicker("First month", choice.from, (from) => onChange({ ...choice, from }), null)}
          {monthPicker("Last month", choice.to, (to) => onChange({ ...choice, to }), problem)}
        </div>
      )}
    </div>
  );
}
