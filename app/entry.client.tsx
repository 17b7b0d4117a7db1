import { RemixBrowser } from '@remix-run/react'
import i18next, { type BackendModule, type ResourceKey, type ResourceLanguage } from 'i18next'
import { startTransition, StrictMode, useEffect, type ReactNode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { fallbackLanguage, isLanguage } from './utils/i18n'
import { I18nResourcesProvider, resourcesElementId } from './utils/i18n-resources'

// One small chunk per language and namespace, fetched only when a client-side navigation reaches a page that
// needs a namespace the first page did not inline (root.tsx's App waits for it).
const localeFiles = import.meta.glob<{ default: ResourceKey }>('../locales/*/*.json')

const lazyLocales: BackendModule = {
  type: 'backend',
  init() {},
  read(lng, ns, callback) {
    const load = localeFiles[`../locales/${lng}/${ns}.json`]
    if (!load) return callback(new Error(`no strings for ${lng}/${ns}`), false)
    load().then(
      (file) => callback(null, file.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    )
  },
}

/** Marks <html data-hydrated> once every component has mounted (its effects run last): what e2e tests wait for. */
function HydrationMarker({ children }: { children: ReactNode }) {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true'
  }, [])
  return children
}

async function hydrate() {
  const htmlLang = document.documentElement.lang
  const lang = isLanguage(htmlLang) ? htmlLang : fallbackLanguage
  // The strings of the namespaces this page's routes declare, inlined by the server: no request before hydrating.
  const resourcesJson = document.getElementById(resourcesElementId)?.textContent ?? '{}'
  const inlined = JSON.parse(resourcesJson) as ResourceLanguage
  await i18next
    .use(lazyLocales)
    .use(initReactI18next)
    .init({
      lng: lang,
      fallbackLng: false,
      ns: Object.keys(inlined),
      defaultNS: 'common',
      resources: { [lang]: inlined },
      // Bundled resources plus a backend: the backend loads only the namespaces missing from them.
      partialBundledLanguages: true,
      interpolation: { escapeValue: false },
    })
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nResourcesProvider value={resourcesJson}>
        <I18nextProvider i18n={i18next}>
          <StrictMode>
            <HydrationMarker>
              <RemixBrowser />
            </HydrationMarker>
          </StrictMode>
        </I18nextProvider>
      </I18nResourcesProvider>,
    )
  })
}

void hydrate()
