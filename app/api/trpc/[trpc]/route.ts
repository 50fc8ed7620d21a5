import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { withTrpcGuards } from "@/server/http/trpc-guards";
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

// Mutations only from the app's own pages, payer procedures limited per IP, bodies up to MAX_BODY_BYTES.
const handler = withTrpcGuards(trpcHandler);

export { handler as GET, handler as POST };
