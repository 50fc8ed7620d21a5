// Live-status streams are cheap but not free (a socket, a listener, a heartbeat timer each), so one
// app process serves at most LIVE_MAX_VIEWERS at once. Past it a new stream is answered 503 with
// Retry-After in the error envelope, before tRPC opens it; the pay page then polls the status
// instead (app/_components/payment/payment-panel.tsx). A stream holds its place until its body
// ends or the viewer goes away.
import { liveEnv } from "../env";

/** The tRPC procedure that opens a live stream. */
export const LIVE_STATUS_PROCEDURE = "deposits.watch";

const RETRY_AFTER_SECONDS = 10;

export class LiveViewerAdmission {
  private open = 0;

  constructor(readonly max: number = liveEnv.LIVE_MAX_VIEWERS) {}

  /** Streams open now. */
  get count(): number {
    return this.open;
  }

  /**
   * Runs `handler` for a stream if there is room, keeping its place until the response body ends
   * (or is cancelled); answers 503 otherwise.
   */
  async admit(handler: () => Promise<Response>): Promise<Response> {
    if (this.open >= this.max) return liveViewersFull();
    this.open++;
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      this.open--;
    };
    let response: Response;
    try {
      response = await handler();
    } catch (error) {
      release();
      throw error;
    }
    if (!response.body) {
      release();
      return response;
    }
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            release();
            controller.close();
          } else controller.enqueue(value);
        } catch (error) {
          release();
          controller.error(error);
        }
      },
      async cancel(reason) {
        release();
        await reader.cancel(reason);
      },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  }
}

export function liveViewersFull(): Response {
  return Response.json(
    {
      success: false,
      error: "Terlalu banyak halaman pembayaran terbuka; status diperbarui berkala / Too many payment pages open; the status is refreshed periodically",
      code: "LIVE_VIEWERS_FULL",
    },
    { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
  );
}

const globalForAdmission = globalThis as unknown as { saldoLiveViewers?: LiveViewerAdmission };

/** The process's one admission counter. */
export function liveViewers(): LiveViewerAdmission {
  return (globalForAdmission.saldoLiveViewers ??= new LiveViewerAdmission());
}
