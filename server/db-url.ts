// What a DATABASE_URL says, without opening anything.
export type Engine = "sqlite" | "postgres";

export function engineOf(url: string): Engine {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "");
}
