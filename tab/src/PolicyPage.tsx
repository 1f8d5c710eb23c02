import { Body1, Title2 } from "@fluentui/react-components";

/** The privacy statement and terms of use the app's manifest links to. */
export function PolicyPage({ kind }: { kind: "privacy" | "terms" }) {
  return kind === "privacy" ? (
    <>
      <Title2 as="h1">Privacy</Title2>
      <Body1 as="p">
        MACE panels holds child-protection information for the partnership that runs it, in that
        partnership&apos;s own Azure storage. Identifying details are shown only in private chats, dialogs and
        this tab, to signed-in panel members whose role allows it. Channel posts carry reference numbers only.
        Every read or change of a subject&apos;s record is written to an audit log. Records are kept and
        deleted according to the partnership&apos;s retention settings.
      </Body1>
    </>
  ) : (
    <>
      <Title2 as="h1">Terms of use</Title2>
      <Body1 as="p">
        Use MACE panels only for the work of your Multi-Agency Child Exploitation panel and under your
        partnership&apos;s information sharing agreement. Do not copy information out of it except to your own
        agency&apos;s secure case records.
      </Body1>
    </>
  );
}
