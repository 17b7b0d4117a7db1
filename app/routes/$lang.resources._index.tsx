import type { LoaderFunctionArgs } from '@remix-run/node'
import { SectionPlaceholder } from '~/components/section-placeholder'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'

export const meta = titleMeta

export function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  return { title: pageTitle(lang, 'resources.title') }
}

export default function Section() {
  return <SectionPlaceholder section="resources" />
}
