// The caller's address as the nearest proxy reports it. Behind a reverse proxy that sets
// X-Forwarded-For (as any production deployment should), the first entry is the client.
type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

function read(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function clientIp(headers: HeaderBag): string | undefined {
  const forwarded = read(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || read(headers, "x-real-ip")?.trim();
  // Node reports IPv4 clients on a dual-stack socket as ::ffff:a.b.c.d.
  return ip?.replace(/^::ffff:/, "") || undefined;
}
