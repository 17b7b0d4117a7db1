declare module '@remix-run/node' {
  interface AppLoadContext {
    /** Per-request CSP nonce set by server.mjs. */
    cspNonce?: string
    /** The client's address as express saw it (for rate limits). */
    clientIp?: string
  }
}
export {}
