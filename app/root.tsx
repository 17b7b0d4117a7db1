import './styles/app.css'
import arabicFont400 from './fonts/noto-sans-arabic-400.woff2?url'
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { SiteFooter } from './components/site-footer'
import { SiteHeader } from './components/site-header'
import { StatusMessage } from './components/status-message'
import { getAuth } from './utils/auth.server'
import { readFlash } from './utils/flash.server'
import { getFixedT } from './utils/i18n.server'
import { directionOf, fallbackLanguage, isLanguage, languageFromPath, type Language } from './utils/i18n'
import { namespacesOfHandles, resourcesElementId, useI18nResourcesJson } from './utils/i18n-resources'
import { useNonce } from './utils/nonce'
import { isDemoInstallation } from './startup.server'
import { unreadCount } from './features/notifications'

// The shell's strings (header, footer, flash messages, error pages); each route declares its own.
export const handle = { i18n: ['common'] }

export function loader({ request, params }: LoaderFunctionArgs) {
  const lang: Language = isLanguage(params.lang) ? params.lang : fallbackLanguage
  const auth = getAuth(request)
  const { flash, clear } = readFlash(request)
  const headers = new Headers()
  if (auth?.setCookie) headers.append('Set-Cookie', auth.setCookie)
  if (clear) headers.append('Set-Cookie', clear)
  const user = auth
    ? {
        id: auth.user.id,
        name: auth.user.name,
        role: auth.user.role,
        hasParliament: auth.user.parliamentId !== null,
        // The header's badge: one indexed COUNT (notification_unread_idx).
        unread: unreadCount(auth.user.id),
      }
    : null
  return data({ lang, user, flash, isDemo: isDemoInstallation(), errorTitles: errorTitles(lang) }, { headers })
}

const errorTitleCache = new Map<Language, Record<string, string>>()

/** The <title> of each error page, per language (made once: the strings never change while running). */
function errorTitles(lang: Language) {
  let titles = errorTitleCache.get(lang)
  if (!titles) {
    const t = getFixedT(lang)
    titles = Object.fromEntries(
      errorKinds.map((kind) => [kind, `${t(`errors.${kind}.title`)} · ${t('shell.siteName')}`]),
    )
    errorTitleCache.set(lang, titles)
  }
  return titles
}

const errorKinds = ['notFound', 'forbidden', 'tooLarge', 'badRequest', 'storageFull', 'unexpected'] as const
type ErrorKind = (typeof errorKinds)[number]
/** The text a visitor had typed when the storage was full (server/storage-full.mjs), for them to copy. */
type TypedField = { name: string; value: string }

function errorKindOf(error: unknown): { status: number; kind: ErrorKind } {
  const status = isRouteErrorResponse(error) ? error.status : 500
  if (status === 503 && isRouteErrorResponse(error) && error.data?.storageFull === true)
    return { status, kind: 'storageFull' }
  const kinds: Record<number, ErrorKind> = { 404: 'notFound', 403: 'forbidden', 413: 'tooLarge', 400: 'badRequest' }
  return { status, kind: kinds[status] ?? 'unexpected' }
}

function typedFieldsOf(error: unknown): TypedField[] {
  if (!isRouteErrorResponse(error) || !Array.isArray(error.data?.fields)) return []
  return (error.data.fields as unknown[]).filter(
    (f): f is TypedField => typeof (f as TypedField)?.name === 'string' && typeof (f as TypedField)?.value === 'string',
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  if (!error) return []
  return [{ title: data?.errorTitles[errorKindOf(error).kind] ?? 'ParlNet' }]
}

export type RootData = ReturnType<typeof useRootData>

export function useRootData() {
  const rootData = useRouteLoaderData<typeof loader>('root')
  // No root data when the root's own boundary shows an action's error: the address still says the language.
  const lang = languageFromPath(useLocation().pathname) ?? fallbackLanguage
  return rootData ?? { lang, user: null, flash: null, isDemo: false, errorTitles: {} }
}

export function Layout({ children }: { children: ReactNode }) {
  const { lang, user, flash, isDemo } = useRootData()
  const nonce = useNonce()
  const resourcesJson = useI18nResourcesJson()
  const { t } = useTranslation('common')
  return (
    <html lang={lang} dir={directionOf(lang)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {/* The face of an Arabic page's text, fetched beside the stylesheet rather than after it (fonts.css). */}
        {lang === 'ar' ? (
          <link rel="preload" href={arabicFont400} as="font" type="font/woff2" crossOrigin="anonymous" />
        ) : null}
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('shell.skipToContent')}
        </a>
        {isDemo ? <p className="demo-banner">{t('shell.demoBanner')}</p> : null}
        <SiteHeader lang={lang} user={user} />
        <main id="main" tabIndex={-1}>
          {flash ? <StatusMessage>{t(`flash.${flash}`)}</StatusMessage> : null}
          {children}
        </main>
        <SiteFooter />
        {/* The page's strings, read by entry.client before it hydrates (a data block, never run; nonced like all). */}
        <script
          id={resourcesElementId}
          type="application/json"
          nonce={nonce}
          suppressHydrationWarning
          dangerouslySetInnerHTML={{ __html: resourcesJson }}
        />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  // A client-side navigation to a page whose namespaces the browser does not have yet suspends here until
  // entry.client's backend has loaded them; Remix renders navigations in a transition, so the previous page stays
  // on screen meanwhile and the new one never shows raw keys. On the first render they are all inlined.
  useTranslation(namespacesOfHandles(useMatches().map((match) => match.handle)))
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation('common')
  const { status, kind } = errorKindOf(error)
  // A thrown `data({ message })` carries its own localized explanation (e.g. the 413 of readUploadForm).
  const detail = isRouteErrorResponse(error) && typeof error.data?.message === 'string' ? error.data.message : null
  const typed = kind === 'storageFull' ? typedFieldsOf(error) : []
  return (
    <div className="page narrow">
      <h1>{t(`errors.${kind}.title`)}</h1>
      <p>{detail ?? t(`errors.${kind}.body`)}</p>
      {typed.length > 0 ? (
        <section aria-labelledby="typed-text">
          <p id="typed-text">{t('errors.storageFull.copyNote')}</p>
          {typed.map((field, i) => (
            <p key={i}>
              <label htmlFor={`typed-${i}`}>{field.name}</label>
              <textarea
                id={`typed-${i}`}
                readOnly
                rows={Math.min(12, field.value.split('\n').length + 1)}
                defaultValue={field.value}
              />
            </p>
          ))}
        </section>
      ) : null}
      <p className="muted">{t('errors.status', { status })}</p>
    </div>
  )
}
