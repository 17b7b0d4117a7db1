import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { pickLanguage } from '~/utils/bilingual'
import type { Language } from '~/utils/i18n'

type MeetingTitles = { id: number; titleEn: string; titleAr: string }

/** "Meetings › <meeting>": the trail above the pages of one meeting's participation (register, invitations…). */
export function MeetingBreadcrumb({ lang, meeting }: { lang: Language; meeting: MeetingTitles }) {
  const { t } = useTranslation('common')
  return (
    <p className="breadcrumb">
      <Link to={`/${lang}/meetings`}>{t('nav.meetings')}</Link>
      {' › '}
      <Link to={`/${lang}/meetings/${meeting.id}`}>
        <BilingualText en={meeting.titleEn} ar={meeting.titleAr} lang={lang} />
      </Link>
    </p>
  )
}

/** The agenda editor's trail: back to the meeting, and across to its other editing page. */
export function EditorNav({
  lang,
  meeting,
  to,
  children,
}: {
  lang: Language
  meeting: MeetingTitles
  /** The other page's path below the meeting's (`/agenda`, `/documents`). */
  to: string
  children: ReactNode
}) {
  const { t } = useTranslation('agenda')
  return (
    <p className="breadcrumb agenda-editor__nav">
      <Link to={`/${lang}/meetings/${meeting.id}`}>
        {t('editor.backToMeeting')}: <BilingualText en={meeting.titleEn} ar={meeting.titleAr} lang={lang} />
      </Link>
      <Link to={`/${lang}/meetings/${meeting.id}${to}`}>{children}</Link>
    </p>
  )
}

/** An editing page's heading: "<label>: <meeting title>", the title marked with its language when it fell back. */
export function EditorHeading({ lang, meeting, label }: { lang: Language; meeting: MeetingTitles; label: string }) {
  const title = pickLanguage({ en: meeting.titleEn, ar: meeting.titleAr }, lang)
  return (
    <h1>
      {label}:{' '}
      <span lang={title.lang} dir={title.lang ? 'auto' : undefined}>
        {title.text}
      </span>
    </h1>
  )
}
