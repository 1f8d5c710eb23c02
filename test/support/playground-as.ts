import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A folder holding the project's playground configuration with another of its users signed in:
 * that user becomes `currentUser` and the one who was becomes an ordinary user.
 */
export function playgroundFolderAs(aadObjectId: string): string {
  const config = readFileSync(".m365agentsplayground.yml", "utf8");
  const blocks = config.split(/\n(?=\S)/);
  const current = blocks.findIndex((b) => b.startsWith("currentUser:"));
  const usersAt = blocks.findIndex((b) => b.startsWith("users:"));
  const users = (blocks[usersAt] ?? "").split(/\n(?= {2}- )/);
  const chosen = users.findIndex((u) => u.includes(`aadObjectId: ${aadObjectId}`));
  if (current < 0 || chosen < 1) throw new Error(`No playground user with aadObjectId ${aadObjectId}`);
  const asUser = (block: string) =>
    block
      .replace(/^currentUser:\n/, "")
      .split("\n")
      .map((line, i) => (i === 0 ? `  - ${line.trim()}` : `  ${line}`))
      .join("\n");
  const asCurrent = (block: string) =>
    `currentUser:\n${block
      .split("\n")
      .map((line, i) => (i === 0 ? `  ${line.replace(/^\s*- /, "")}` : line.replace(/^ {2}/, "")))
      .join("\n")}`;
  const previous = blocks[current] ?? "";
  blocks[current] = asCurrent(users[chosen] ?? "");
  users[chosen] = asUser(previous);
  blocks[usersAt] = users.join("\n");
  const folder = mkdtempSync(path.join(tmpdir(), "mace-playground-"));
  writeFileSync(path.join(folder, ".m365agentsplayground.yml"), blocks.join("\n"));
  return folder;
}

/** Someone invented who is not in the project's configuration, signed in instead of its current user. */
export interface NewcomerUser {
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
}

/**
 * A folder holding the project's playground configuration with `user` signed in in place of its
 * current user (the playground takes only so many users, so none is added).
 */
export function playgroundFolderWith(user: NewcomerUser): string {
  const config = readFileSync(".m365agentsplayground.yml", "utf8");
  const [given = "", surname = ""] = user.name.split(" ");
  const current = [
    "currentUser:",
    `  id: ${user.id}`,
    `  name: ${user.name}`,
    `  userPrincipleName: ${user.email}`,
    `  aadObjectId: ${user.aadObjectId}`,
    `  givenName: ${given}`,
    `  surname: ${surname}`,
    `  email: ${user.email}`,
  ].join("\n");
  const blocks = config.split(/\n(?=\S)/).map((b) => (b.startsWith("currentUser:") ? current : b));
  const folder = mkdtempSync(path.join(tmpdir(), "mace-playground-"));
  writeFileSync(path.join(folder, ".m365agentsplayground.yml"), blocks.join("\n"));
  return folder;
}
