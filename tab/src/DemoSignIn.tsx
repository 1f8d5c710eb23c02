import { Body1, Button, makeStyles, Select, Title2 } from "@fluentui/react-components";
import { useState } from "react";
import type { DemoPerson } from "./api.js";

// Local development sign-in: outside Teams, one of the invented demo people.

const useStyles = makeStyles({
  signIn: { display: "flex", flexDirection: "column", gap: "12px", maxWidth: "420px", marginTop: "24px" },
});

export function DemoSignIn({ people, onSignIn }: { people: DemoPerson[]; onSignIn: (id: string) => void }) {
  const styles = useStyles();
  const [chosen, setChosen] = useState(people[0]?.id ?? "");
  return (
    <section className={styles.signIn} aria-labelledby="sign-in-title">
      <Title2 as="h1" id="sign-in-title">
        Sign in to MACE panels
      </Title2>
      <Body1>
        This is a local demonstration. Choose one of the invented demo people to sign in as. In Teams you are
        signed in with your work account.
      </Body1>
      <label htmlFor="demo-person">Demo person</label>
      <Select id="demo-person" value={chosen} onChange={(_e, d) => setChosen(d.value)}>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.displayName} ({p.jobTitle})
          </option>
        ))}
      </Select>
      <Button appearance="primary" onClick={() => onSignIn(chosen)} disabled={!chosen}>
        Sign in
      </Button>
    </section>
  );
}
