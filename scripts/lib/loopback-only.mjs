import net from "node:net";

// Loaded before the Agents Playground (`node --import`), which has no option for the address it
// listens on and listens on every interface: this makes each server it starts listen on
// 127.0.0.1 alone, like the rest of `npm start`, so nothing on the network can reach it.
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const [first, second] = args;
  if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    // listen(port, host?, backlog?, callback?): the host, given or not, becomes loopback.
    const rest = typeof second === "string" ? args.slice(2) : args.slice(1);
    return listen.call(this, Number(first), "127.0.0.1", ...rest);
  }
  if (first && typeof first === "object" && "port" in first && !("path" in first))
    return listen.call(this, { ...first, host: "127.0.0.1" }, ...args.slice(1));
  return listen.apply(this, args);
};
