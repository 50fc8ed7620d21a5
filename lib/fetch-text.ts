// One HTTP call to an upstream provider with a deadline: the answer's status and raw text, or why
// there was none. Never throws, so an adapter can treat "no answer" as unknown, never as a refusal.
export type FetchedText = { kind: "answered"; status: number; text: string } | { kind: "unreadable"; problem: string };

export async function fetchText(url: string, init: RequestInit, timeoutMs: number): Promise<FetchedText> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { kind: "answered", status: res.status, text: await res.text() };
  } catch (error) {
    const name = error instanceof Error ? error.name : "Error";
    return { kind: "unreadable", problem: name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : `no answer (${name})` };
  }
}
