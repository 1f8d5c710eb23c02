import { DEMO_REFERRALS } from "../../bot/src/seed/demo-referrals.js";

// Every activity the bot sends to a channel during the whole test run is kept here, from the
// recording connector and the playground proxy alike; after the run none may carry a seeded
// subject's name, date of birth or address.

const shared = globalThis as { __maceChannelActivities?: unknown[] };
shared.__maceChannelActivities ??= [];

export function recordChannelActivity(activity: unknown): void {
  shared.__maceChannelActivities?.push(activity);
}

export function channelActivities(): unknown[] {
  return shared.__maceChannelActivities ?? [];
}

/** The identifying details of every seeded subject, in the forms a card could show them. */
export function seededSubjectDetails(): string[] {
  const details: string[] = [];
  for (const r of DEMO_REFERRALS) {
    const v = r.values;
    for (const key of ["subjectName", "address", "postcode"]) {
      if (typeof v[key] === "string") details.push(String(v[key]));
    }
    if (typeof v["address"] === "string") details.push(String(v["address"]).split(",")[0] ?? "");
    const dob = v["dateOfBirth"];
    if (typeof dob === "string") {
      const [y, m, d] = dob.split("-");
      const long = new Date(`${dob}T00:00:00Z`).toLocaleDateString("en-GB", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      });
      details.push(dob, `${d}/${m}/${y}`, long);
    }
  }
  return details.filter((d) => d.length >= 6);
}

/** The details found in what was posted to channels; empty when the run kept them private. */
export function leakedDetails(): { detail: string; activity: string }[] {
  const found: { detail: string; activity: string }[] = [];
  for (const activity of channelActivities()) {
    const text = JSON.stringify(activity).toLowerCase();
    for (const detail of seededSubjectDetails()) {
      if (text.includes(detail.toLowerCase())) found.push({ detail, activity: text.slice(0, 200) });
    }
  }
  return found;
}
