import { Writable } from 'node:stream'
import { inspect } from 'node:util'
import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { NonceProvider } from './utils/nonce'
import { fallbackLanguage, languageFromPath } from './utils/i18n'
import { I18nResourcesProvider } from './utils/i18n-resources'
import { getI18nInstance, inlinedResources, routeNamespaces } from './utils/i18n.server'
import { rewrite } from './utils/script-priority.server'
import { redactPath, redactText } from '../server/log-redaction.mjs'

export { startServerApp, checkHealth } from './startup.server'

const ABORT_DELAY = 5_000

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const lang = languageFromPath(new URL(request.url).pathname) ?? fallbackLanguage
  const nonce = loadContext.cspNonce ?? ''
  // The strings of the namespaces this page's routes declare go into the page: the browser hydrates without fetching.
  const resourcesJson = inlinedResources(lang, routeNamespaces(remixContext))
  return new Promise<Response>((resolve, reject) => {
    let failed = false
    // Abort a render that hangs; cleared as soon as the document is complete.
    const timer = setTimeout(() => abort(), ABORT_DELAY)
    // The pages are small and have no deferred data: waiting for the whole document is simplest and
    // gives crawlers and screen readers complete HTML.
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nResourcesProvider value={resourcesJson}>
          <I18nextProvider i18n={getI18nInstance(lang)}>
            <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
          </I18nextProvider>
        </I18nResourcesProvider>
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          clearTimeout(timer)
          // The whole document is ready: React writes it out at once (some 30 pieces of 2 KB), gathered here into one
          // buffer and sent as one body, rather than piece by piece through a transform and a web stream that
          // server.mjs would only read whole again before compressing it (server/compression.mjs).
          const pieces: Uint8Array[] = []
          const sink = new Writable({
            write(piece: Uint8Array, _encoding, callback) {
              pieces.push(piece)
              callback()
            },
          })
          sink.on('finish', () => {
            // The module preloads go at low priority, after the stylesheets and the font (script-priority.server.ts).
            const { output, rest } = rewrite(Buffer.concat(pieces))
            const whole = rest.length ? Buffer.concat([output, rest]) : output
            responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
            resolve(
              // A Buffer's memory is a plain ArrayBuffer (Node's pool), never a SharedArrayBuffer.
              new Response(new Uint8Array(whole.buffer as ArrayBuffer, whole.byteOffset, whole.byteLength), {
                headers: responseHeaders,
                status: failed ? 500 : responseStatusCode,
              }),
            )
          })
          sink.on('error', reject)
          pipe(sink)
        },
        onShellError(error: unknown) {
          clearTimeout(timer)
          reject(error)
        },
        onError(error: unknown) {
          failed = true
          logError(error, request)
        },
      },
    )
  })
}

export function handleError(error: unknown, { request }: { request: Request }) {
  // Aborted requests (the browser navigated away) are not errors worth a stack trace.
  if (request.signal.aborted) return
  logError(error, request)
}

/** One log entry for an error, through the same redaction as the request log: messages may quote the URL. */
function logError(error: unknown, request: Request) {
  console.error(`error: ${request.method} ${redactPath(request.url)}: ${redactText(inspect(error))}`)
}
