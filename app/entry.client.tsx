import { RemixBrowser } from '@remix-run/react'
import i18next from 'i18next'
import { startTransition, StrictMode, useEffect, type ReactNode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { fallbackLanguage, isLanguage, namespaces } from './utils/i18n'

// Only the page's language is downloaded, one small chunk per namespace.
const localeFiles = import.meta.glob<{ default: Record<string, unknown> }>('../locales/*/*.json')

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
  const loaded = await Promise.all(
    namespaces.map(async (ns) => [ns, (await localeFiles[`../locales/${lang}/${ns}.json`]!()).default] as const),
  )
  await i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: false,
    ns: [...namespaces],
    defaultNS: 'common',
    resources: { [lang]: Object.fromEntries(loaded) },
    interpolation: { escapeValue: false },
  })
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <HydrationMarker>
            <RemixBrowser />
          </HydrationMarker>
        </StrictMode>
      </I18nextProvider>,
    )
  })
}

void hydrate()
