// A bare Next.js app for `npm run bench`'s baseline row, built with `next build bench/baseline`
// from the repository root (so `next` resolves from the root node_modules). Not part of the app.
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export default { turbopack: { root }, outputFileTracingRoot: root, poweredByHeader: false };
