type Entry = { status: number; headers: [string, string][]; body: string; nonce: string }
type Req = { method: string; path: string; originalUrl: string; headers: { cookie?: string } }
export function createPageCache(options?: { ttlMs?: number; maxEntries?: number }): {
  keyFor(req: Req): string | null
  get(key: string, nonce: string): Omit<Entry, 'nonce'> | null
  set(key: string, entry: Entry): void
  clear(): void
}
export function isStorable(status: number, headers: Headers): boolean
