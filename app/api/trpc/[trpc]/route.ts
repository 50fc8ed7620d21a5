import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { calledProcedures, withTrpcGuards } from "@/server/http/trpc-guards";
import { LIVE_STATUS_PROCEDURE, liveViewers } from "@/server/live/viewer-admission";
import { createTrpcContext } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

const trpcHandler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createTrpcContext({ headers: req.headers }),
    // Internal failures are logged once, with the reference the client sees, by server/trpc/init.ts
    // (translateAppErrors and errorFormatter); the answer carries only "Internal error (ref: …)".
  });

// A live-status stream (server-sent events) takes one of the process's LIVE_MAX_VIEWERS places
// while it is open; past the cap it is answered 503 and the pay page polls instead.
const withLiveViewerCap = (req: Request) =>
  req.method === "GET" && calledProcedures(req).includes(LIVE_STATUS_PROCEDURE) ? liveViewers().admit(() => trpcHandler(req)) : trpcHandler(req);

// Mutations only from the app's own pages, payer procedures limited per IP, bodies up to MAX_BODY_BYTES.
const handler = withTrpcGuards(withLiveViewerCap);

export { handler as GET, handler as POST };
