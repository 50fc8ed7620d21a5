// Building an API request from an operation's parameters: used by the docs page's samples and
// by its live console in the browser, so what is shown is what is sent.
export type ParamDoc = { name: string; in: "query" | "path" | "body"; required: boolean; description: string; example: string };
export type RequestTemplate = { method: "get" | "post"; path: string; auth: "apiKey" | "sign" | "public"; params: ParamDoc[] };

export type RequestSpec = { method: string; url: string; headers: Record<string, string>; body?: string };

/** The request the console sends and the samples show. */
export function buildRequest(op: RequestTemplate, baseUrl: string, values: Record<string, string>, credentials: { apiKey?: string }): RequestSpec {
  const params = op.params;
  const urlPath = op.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(values[k] ?? `{${k}}`));
  const url = new URL(`${baseUrl}${urlPath}`);
  for (const p of params.filter((p) => p.in === "query" && values[p.name])) url.searchParams.set(p.name, values[p.name]!);
  const headers: Record<string, string> = {};
  if (op.auth === "apiKey") headers.Authorization = `Bearer ${credentials.apiKey ?? "<API_KEY>"}`;
  const bodyParams = params.filter((p) => p.in === "body");
  let body: string | undefined;
  if (op.method === "post" && bodyParams.length) {
    headers["Content-Type"] = "application/json";
    const payload: Record<string, unknown> = {};
    for (const p of bodyParams) {
      const v = values[p.name];
      if (v === undefined || v === "") continue;
      // Lists and objects (a batch payout's `rows`) are typed as JSON; so is a yes/no flag.
      if (/^\s*[[{]/.test(v)) {
        try {
          payload[p.name] = JSON.parse(v);
          continue;
        } catch {
          // Not JSON after all: sent as the text it is.
        }
      }
      if (p.name === "confirmDuplicates" && (v === "true" || v === "false")) {
        payload[p.name] = v === "true";
        continue;
      }
      payload[p.name] = /^\d{1,15}$/.test(v) && p.name !== "customer_id" && p.name !== "accountNumber" && p.name !== "username" && p.name !== "ref_id" ? Number(v) : v;
    }
    body = JSON.stringify(payload);
  }
  return { method: op.method.toUpperCase(), url: url.toString(), headers, body };
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function curlCommand(req: RequestSpec): string {
  const parts = [`curl -sS -X ${req.method} ${shellQuote(req.url)}`];
  for (const [k, v] of Object.entries(req.headers)) parts.push(`-H ${shellQuote(`${k}: ${v}`)}`);
  if (req.body) parts.push(`-d ${shellQuote(req.body)}`);
  return parts.join(" \\\n  ");
}

export function nodeSample(req: RequestSpec): string {
  const init = [`method: "${req.method}"`, `headers: ${JSON.stringify(req.headers)}`, ...(req.body ? [`body: JSON.stringify(${req.body})`] : [])];
  return `const res = await fetch("${req.url}", {\n  ${init.join(",\n  ")},\n});\nconsole.log(res.status, await res.json());`;
}

export function phpSample(req: RequestSpec): string {
  const headers = Object.entries(req.headers).map(([k, v]) => `"${k}: ${v}"`).join(", ");
  return [
    `<?php`,
    `$ch = curl_init("${req.url}");`,
    `curl_setopt($ch, CURLOPT_CUSTOMREQUEST, "${req.method}");`,
    `curl_setopt($ch, CURLOPT_HTTPHEADER, [${headers}]);`,
    ...(req.body ? [`curl_setopt($ch, CURLOPT_POSTFIELDS, '${req.body.replace(/'/g, "\\'")}');`] : []),
    `curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);`,
    `$body = curl_exec($ch);`,
    `echo curl_getinfo($ch, CURLINFO_HTTP_CODE), " ", $body;`,
  ].join("\n");
}
