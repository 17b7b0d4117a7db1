// One member group (women, young parliamentarians): who is in it, and the button to join or leave it.
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { pickLanguage, textLanguage } from '~/utils/bilingual'
import { formatDate, formatNumber } from '~/utils/format'
import type { ShownGroupMember } from '~/features/women-youth/member-group.server'
import type { Language } from '~/utils/i18n'
import type { MemberGroup } from '~/utils/vocabulary'

export function GroupPanel({
  group,
  members,
  isIn,
  lang,
}: {
  group: MemberGroup
  members: ShownGroupMember[]
  isIn: boolean
  lang: Language
}) {
  const { t } = useTranslation('womenYouth')
  const suffix = group === 'women' ? 'Women' : 'Youth'
  return (
    <section aria-labelledby={`group-${group}-title`} className="women-youth__group" id={`group-${group}`}>
      <h3 id={`group-${group}-title`}>{t(`groups.${group}`)}</h3>
      <p className="muted">{t('groups.count', { n: formatNumber(members.length, lang) })}</p>
      {isIn ? <p className="women-youth__in">{t('groups.youAreIn')}</p> : null}
      <Form method="post" className="women-youth__group-form">
        <input type="hidden" name="group" value={group} />
        <input type="hidden" name="intent" value={isIn ? 'leave' : 'join'} />
        <button type="submit" className={isIn ? 'button button--quiet' : 'button'}>
          {t(isIn ? `groups.leave${suffix}` : `groups.join${suffix}`)}
        </button>
      </Form>
      {members.length ? (
        <ul className="women-youth__members">
          {members.map((m) => {
            const fromAccount = m.nameEn === m.nameAr
            const name = fromAccount
              ? { text: m.nameEn, lang: textLanguage(m.nameEn, lang) }
              : pickLanguage({ en: m.nameEn, ar: m.nameAr }, lang)
            const parliament =
              m.parliamentNameEn || m.parliamentNameAr
                ? pickLanguage({ en: m.parliamentNameEn, ar: m.parliamentNameAr }, lang)
                : null
            return (
              <li key={m.key}>
                {m.memberId ? (
                  <Link to={`/${lang}/members/${m.memberId}`} lang={name.lang} className="women-youth__member-name">
                    {name.text}
                  </Link>
                ) : (
                  <span lang={name.lang} className="women-youth__member-name">
                    {name.text}
                  </span>
                )}
                {parliament ? <span lang={parliament.lang}>{parliament.text}</span> : null}
                <span className="muted">{t('groups.joined', { date: formatDate(m.joinedAt, lang) })}</span>
              </li>
            )
          })}
        </ul>
      ) : (
        <p className="muted">{t('groups.empty')}</p>
      )}
    </section>
  )
}
