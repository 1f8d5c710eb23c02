import { Body1, Button, Title2, makeStyles } from "@fluentui/react-components";
import { ActionLogSection } from "./ActionLog.js";
import type { PanelViewProps } from "./api.js";
import { headerStyles } from "./styles.js";

// A panel's whole action log, open actions first.

const useStyles = makeStyles({ ...headerStyles });

export function ActionsPage({ token, meId, panel, onBack }: PanelViewProps) {
  const styles = useStyles();
  return (
    <>
      <header className={styles.header}>
        <div className={styles.titleBlock}>
          <Title2 as="h1">{panel.name}: action log</Title2>
          <Body1 as="p" className={styles.muted}>
            {panel.area.name}. Actions are due two weeks after their meeting unless the coordinator set a
            date.
          </Body1>
        </div>
        <Button onClick={onBack}>Back to your panels</Button>
      </header>
      <ActionLogSection token={token} panel={panel} meId={meId} />
    </>
  );
}
