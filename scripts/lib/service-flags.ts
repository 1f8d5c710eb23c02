// How Node runs the service in Azure (infra/azure.bicep's appCommandLine, kept the same by a test),
// and so in the load benchmark. Without a bound, V8 on a machine with gigabytes to spare lets the
// heap grow without a full collection (560 MB resident at the load run's peak); 320 MB of old
// space holds it under 400 MB, with room above the roughly 190 MB the service keeps under load
// (bounded at 192 MB, collecting took more than a core).
export const SERVICE_NODE_FLAGS = ["--max-old-space-size=320"];
