import i18next, { type i18n, type TFunction } from 'i18next'
import { RemixI18Next } from 'remix-i18next/server'
import { resources } from '#locales/index'
import { fallbackLanguage, languages, namespaces, type Language, type Namespace } from './i18n'

function createInstance(lang: Language) {
  const instance = i18next.createInstance()
  // initImmediate:false makes init synchronous: resources are already in memory.
  void instance.init({
    lng: lang,
    fallbackLng: false,
    resources,
    ns: [...namespaces],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initImmediate: false,
    returnNull: false,
  })
  return instance
}

// One instance per language for the life of the process; requests never mutate them.
const instances: Record<Language, i18n> = { en: createInstance('en'), ar: createInstance('ar') }

export function getI18nInstance(lang: Language) {
  return instances[lang]
}

export function getFixedT(lang: Language, ns: Namespace | Namespace[] = 'common'): TFunction {
  return instances[lang].getFixedT(lang, ns)
}

/** Picks the language for `/`: a saved preference (found by `findSavedLanguage`), then Accept-Language, then English. */
export function createLanguageDetector(findSavedLanguage: (request: Request) => Promise<string | null>) {
  return new RemixI18Next({
    detection: {
      supportedLanguages: [...languages],
      fallbackLanguage,
      order: ['custom', 'header'],
      findLocale: findSavedLanguage,
    },
  })
}
