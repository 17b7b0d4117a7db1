import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { getUser } from '~/utils/auth.server'
import { createLanguageDetector } from '~/utils/i18n.server'
import { readLanguageCookie } from '~/utils/lang.server'

const detector = createLanguageDetector(async (request) => {
  const saved = getUser(request)?.locale
  if (saved) return saved
  return readLanguageCookie(request)
})

/** `/` sends people to their saved language, else the browser's, else English. */
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await detector.getLocale(request)
  return redirect(`/${lang}`, { status: 302, headers: { Vary: 'Accept-Language, Cookie' } })
}
