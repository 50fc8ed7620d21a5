// Sanity of the surface the fuzz tests walk (tests/helpers/api-surface.ts): a broken enumerator
// would make them pass vacuously, so the counts must be plausible and agree with other sources.
import { describe, expect, it } from "vitest";
import { ALL_OPERATIONS } from "@/server/openapi/operations";
import { lazyTrpcRouters, loadRouteSurface, loadTrpcSurface, routeFiles, ROUTE_ROOTS, walkTrpcRecord } from "./helpers/api-surface";

describe("the API surface the fuzz tests walk", () => {
  it("finds every REST v1 and prepaid route file and its methods", async () => {
    const restFiles = routeFiles(ROUTE_ROOTS.rest);
    const prepaidFiles = routeFiles(ROUTE_ROOTS.prepaid);
    expect(restFiles.length).toBeGreaterThanOrEqual(15);
    expect(prepaidFiles.length).toBeGreaterThanOrEqual(5);
    expect(restFiles).toContain("app/api/v1/balance/route.ts");
    expect(restFiles).toContain("app/api/v1/invoice/[id]/qr.png/route.ts");
    expect(prepaidFiles).toContain("app/api/prepaid/top-up/route.ts");

    const routes = await loadRouteSurface();
    const rest = routes.filter((r) => r.kind === "rest");
    const prepaid = routes.filter((r) => r.kind === "prepaid");
    expect(rest.length).toBeGreaterThanOrEqual(18);
    expect(prepaid.length).toBeGreaterThanOrEqual(5);
    // Every file exports at least one method, and every method is a callable handler.
    expect(new Set(routes.map((r) => r.file))).toEqual(new Set([...restFiles, ...prepaidFiles]));
    for (const route of routes) expect(typeof route.handler).toBe("function");
    expect(rest.filter((r) => r.method === "POST").length).toBeGreaterThanOrEqual(5);
    // Dynamic segments are found: [id] in the invoice QR and top-up routes.
    const withParams = rest.filter((r) => r.params.length > 0).map((r) => `${r.method} ${r.urlPath}`);
    expect(withParams).toEqual(expect.arrayContaining(["GET /api/v1/invoice/[id]/qr.png", "GET /api/v1/topup/[id]"]));

    // Every documented operation is served by an enumerated route (so none escapes the fuzz).
    for (const op of ALL_OPERATIONS) {
      expect(routes.some((r) => r.file === op.routeFile && r.method === op.method.toUpperCase()), `${op.method} ${op.path}`).toBe(true);
    }
    // Prepaid routes know what their sign covers.
    for (const route of prepaid) expect(route.operation?.signSuffix, route.file).toBeDefined();
  });

  it("finds every tRPC procedure of appRouter, by two independent walks", async () => {
    const procedures = await loadTrpcSurface();
    expect(await lazyTrpcRouters()).toEqual([]);
    expect(procedures.length).toBeGreaterThanOrEqual(60);
    expect(procedures.map((p) => p.path)).toEqual(await walkTrpcRecord());
    const byType = (type: string) => procedures.filter((p) => p.type === type).length;
    expect(byType("query")).toBeGreaterThanOrEqual(30);
    expect(byType("mutation")).toBeGreaterThanOrEqual(25);
    expect(byType("subscription")).toBeGreaterThanOrEqual(1);
    // Every top-level router contributes, and known money paths are in the list.
    const routers = new Set(procedures.map((p) => p.path.split(".")[0]));
    expect(routers.size).toBeGreaterThanOrEqual(14);
    expect(procedures.map((p) => p.path)).toEqual(
      expect.arrayContaining(["withdrawals.request", "deposits.create", "merchants.adjustBalance", "withdrawalDesk.approve", "prepaid.buy", "wallet.history"]),
    );
    // Most procedures declare an input schema the fuzz can corrupt field by field.
    expect(procedures.filter((p) => p.inputs.length > 0).length).toBeGreaterThanOrEqual(40);
  });
});
