/** A command or query bound to the ports it runs on: what a feature's entry point hands out. */
export const withPorts =
  <P, A extends unknown[], R>(ports: P, command: (ports: P, ...args: A) => R) =>
  (...args: A): R =>
    command(ports, ...args);
