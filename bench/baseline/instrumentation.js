// Without a file of its own here, the build picks up the repository's instrumentation.ts (the
// app's production checks): the baseline stays bare.
export function register() {}
