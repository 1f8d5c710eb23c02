// The tab's API in one place: the request schemas the routes parse with, and the answers they send,
// which the routes check (`satisfies`) and the tab imports as types.

export * from "./access-requests.js";
export * from "./actions.js";
export * from "./agenda.js";
export * from "./cohort.js";
export * from "./history.js";
export * from "./links.js";
export * from "./meeting-chat.js";
export * from "./meeting-room.js";
export * from "./meetings.js";
export * from "./panels.js";
export * from "./problem.js";
export * from "./referrals.js";
export * from "./referral-form.js";
export * from "./sign-in.js";
export * from "./people.js";
export * from "./reports.js";
export * from "./thresholding.js";
export * from "./minutes.js";
