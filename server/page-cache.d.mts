type Entry = { status: number; headers: [string, string][]; body: string; nonce: string }
type Req = { method: string; path: string; originalUrl: string; headers: { cookie?: string } }
type Page = Omit<Entry, 'nonce' | 'body'> & ({ body: string; encoding: null } | { body: Buffer; encoding: 'gzip' })
type SplitGzip = { pieces: Buffer[]; deflated: Buffer[] }
export function createPageCache(options?: { ttlMs?: number; maxEntries?: number }): {
  keyFor(req: Req): string | null
  get(key: string, nonce: string, options?: { gzip?: boolean }): Page | null
  set(key: string, entry: Entry): void
  clear(): void
}
export function isStorable(status: number, headers: Headers): boolean
export function splitGzip(body: string, nonce: string): SplitGzip
export function joinGzip(split: SplitGzip, nonce: string): Buffer
