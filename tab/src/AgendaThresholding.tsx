import { Button, Input, Select } from "@fluentui/react-components";
import { useState } from "react";
import type { AgendaChoice } from "./api.js";

// Staffordshire's thresholding categories (003).
const CATEGORIES = [
  "1. Discussed at MACE",
  "2. Insufficient information shared",
  "3. Remains considered, not fully discussed",
  "4. Removed from MACE",
];

/** Staffordshire's thresholding (003): the category, the rationale for a child not fully
 * discussed, and the group a child is mapped into (children in one group share one slot). Where
 * the thresholding meeting placed the cases, only the group is chosen here. */
export function Thresholding({
  reference,
  placedBy,
  choice,
  busy,
  onChoose,
}: {
  reference: string;
  placedBy: string | null;
  choice: AgendaChoice;
  busy: boolean;
  onChoose: (choice: AgendaChoice) => void;
}) {
  const [rationale, setRationale] = useState(choice.rationale ?? "");
  const [group, setGroup] = useState(choice.groupKey ?? "");
  if (placedBy)
    return (
      <>
        <Input
          aria-label={`Group for ${reference}`}
          placeholder="Group name, to share one slot"
          value={group}
          maxLength={80}
          onChange={(_e, d) => setGroup(d.value)}
        />
        <Button
          size="small"
          disabled={busy}
          onClick={() => onChoose({ ...choice, groupKey: group.trim() || null })}
          aria-label={`Save group, ${reference}`}
        >
          Save group
        </Button>
      </>
    );
  return (
    <>
      <Select
        aria-label={`Category for ${reference}`}
        value={choice.category === null ? "" : String(choice.category)}
        disabled={busy}
        onChange={(_e, d) =>
          onChoose({ ...choice, category: d.value ? (Number(d.value) as 1 | 2 | 3 | 4) : null })
        }
      >
        <option value="">No category yet</option>
        {CATEGORIES.map((label, n) => (
          <option key={label} value={n + 1}>
            {label}
          </option>
        ))}
      </Select>
      <Input
        aria-label={`Rationale for ${reference}`}
        placeholder="Rationale, if not fully discussed"
        value={rationale}
        maxLength={1000}
        onChange={(_e, d) => setRationale(d.value)}
      />
      <Input
        aria-label={`Group for ${reference}`}
        placeholder="Group name, to share one slot"
        value={group}
        maxLength={80}
        onChange={(_e, d) => setGroup(d.value)}
      />
      <Button
        size="small"
        disabled={busy}
        onClick={() =>
          onChoose({ ...choice, rationale: rationale.trim() || null, groupKey: group.trim() || null })
        }
        aria-label={`Save rationale and group, ${reference}`}
      >
        Save rationale and group
      </Button>
    </>
  );
}
