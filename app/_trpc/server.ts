import "server-only";
// The server-side tRPC caller for React Server Components: same procedures, same checks,
// no HTTP hop.
import { headers } from "next/headers";
import { cache } from "react";
import { createTrpcContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";

export const serverTrpc = cache(async () => createCaller(await createTrpcContext({ headers: await headers() })));
