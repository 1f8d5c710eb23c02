// The parts of the Teams SDK the tab's sign-in and setup use: named, so the bundle keeps only
// these, in a chunk fetched only when the tab is in Teams.
export { app, authentication, meeting, pages } from "@microsoft/teams-js";
