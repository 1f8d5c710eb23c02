import { Field, type FieldProps } from "@fluentui/react-components";
import {
  DatePicker,
  defaultDatePickerStrings,
  type DatePickerProps,
} from "@fluentui/react-datepicker-compat";
import { useMemo, useRef, useState } from "react";
import { dateOfIsoDay, dateProblem, formatUkDate, isoDay, parseUkDate } from "./ukDates.js";

// Every date the tab asks for: typed as DD/MM/YYYY, or picked from the calendar its button opens
// (arrow down or Enter opens it from the keyboard), whatever language the browser is set to. The
// page gets the ISO day; a date that does not exist is refused in words beside the field.

// The week starts on Monday in the UK.
const MONDAY: DatePickerProps["firstDayOfWeek"] = 1;
const FORMAT = "DD/MM/YYYY, for example 04/03/2027.";

export function DateField({
  label,
  value,
  onChange,
  required,
  hint,
  validationMessage,
  validationState,
}: {
  label: string;
  /** The ISO day chosen, or "" for none. */
  value: string;
  onChange: (isoDay: string) => void;
  required?: boolean;
  hint?: string;
  /** The page's own word on the date chosen (a due date already past, say). */
  validationMessage?: string | undefined;
  validationState?: FieldProps["validationState"];
}) {
  const [problem, setProblem] = useState<string | null>(null);
  // What was typed last, to say what was wrong with it once the picker has read it.
  const typed = useRef("");
  // The picker resets what it shows whenever it is given another date: one per day, not per render.
  const date = useMemo(() => dateOfIsoDay(value), [value]);
  return (
    <Field
      label={label}
      required={required}
      hint={hint ? `${hint} ${FORMAT}` : FORMAT}
      validationMessage={problem ?? validationMessage}
      validationState={problem ? "error" : (validationState ?? "none")}
    >
      <DatePicker
        allowTextInput
        openOnClick={false}
        value={date}
        formatDate={(day) => (day ? formatUkDate(day) : "")}
        parseDateFromString={parseUkDate}
        firstDayOfWeek={MONDAY}
        strings={defaultDatePickerStrings}
        placeholder="DD/MM/YYYY"
        onChange={(_e, d) => {
          typed.current = d.value;
          // A whole date typed counts at once, not only when the field is left: the form's button
          // may be pressed straight after typing it.
          const whole = parseUkDate(d.value);
          if (whole) {
            setProblem(null);
            onChange(isoDay(whole));
          } else if (!d.value.trim() && !required) onChange("");
        }}
        onSelectDate={(chosen) => {
          setProblem(null);
          onChange(chosen ? isoDay(chosen) : "");
        }}
        onValidationResult={({ error }) => {
          if (error === "invalid-input") setProblem(dateProblem(typed.current));
          else if (error === "required-input") setProblem(`Give the date, as ${FORMAT}`);
          else setProblem(null);
        }}
      />
    </Field>
  );
}
