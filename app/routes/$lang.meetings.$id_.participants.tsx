import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { RegistrationStateBadge } from '~/features/meetings/registration-panel'
import { FormError } from '~/components/status-message'
import { Field, TextareaField } from '~/components/ui/field'
import { approveRegistration, cancelRegistration, declineRegistration } from '~/features/meetings/registration.server'
import {
  listParticipants,
  listWaitlist,
  messageParticipants,
  setAttendance,
  type ParticipantRow,
} from '~/features/meetings/participants.server'
import { pickLanguage } from '~/utils/bilingual'
import { redirectWithFlash } from '~/utils/flash.server'
import { useErrorText } from '~/utils/forms'
import { getFixedT } from '~/utils/i18n.server'
import { requireLanguage } from '~/utils/lang.server'
import { absoluteUrl } from '~/utils/links.server'
import { titleMeta } from '~/utils/meta'
import { requireManagedMeeting } from '~/features/meetings/guards.server'
import { formatInZone } from '~/utils/zoned-format'
import { ParticipantMessageSchema } from '~/features/meetings/registration-schemas'
import styles from '~/styles/participation.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { meeting: m } = requireManagedMeeting(request, params.id)
  const t = getFixedT(lang, ['participation', 'common'])
  const participants = listParticipants(m.id)
  // Grouped by parliament, the groups sorted by the name in the page's language (no parliament last).
  const groups = new Map<string, { key: string; nameEn: string; nameAr: string; rows: ParticipantRow[] }>()
  for (const p of participants) {
    const key = String(p.parliamentId ?? 'none')
    if (!groups.has(key))
      groups.set(key, { key, nameEn: p.parliamentNameEn ?? '', nameAr: p.parliamentNameAr ?? '', rows: [] })
    groups.get(key)!.rows.push(p)
  }
  const sorted = [...groups.values()].sort((a, b) =>
    a.key === 'none'
      ? 1
      : b.key === 'none'
        ? -1
        : pickLanguage({ en: a.nameEn, ar: a.nameAr }, lang).text.localeCompare(
            pickLanguage({ en: b.nameEn, ar: b.nameAr }, lang).text,
            lang,
          ),
  )
  const countOf = (...states: string[]) => participants.filter((p) => states.includes(p.state)).length
  return {
    lang,
    meeting: { id: m.id, titleEn: m.titleEn, titleAr: m.titleAr, capacity: m.capacity, timeZone: m.timeZone },
    groups: sorted,
    counts: {
      confirmed: countOf('confirmed'),
      pending: countOf('pending'),
      waitlisted: countOf('waitlisted'),
      other: countOf('cancelled', 'declined'),
    },
    waitlist: listWaitlist(m.id),
    title: `${t('participants.title')}: ${pickLanguage({ en: m.titleEn, ar: m.titleAr }, lang).text} · ${t('shell.siteName')}`,
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, meeting: m } = requireManagedMeeting(request, params.id)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const here = `/${lang}/meetings/${m.id}/participants`
  const options = { baseUrl: absoluteUrl('/') }
  if (intent === 'message') {
    const submission = parseWithZod(formData, { schema: ParticipantMessageSchema })
    if (submission.status !== 'success') return data({ result: submission.reply(), refused: null }, { status: 400 })
    await messageParticipants(m.id, submission.value, user, options)
    return redirectWithFlash(here, 'participantsMessaged')
  }
  if (intent === 'attendance') {
    const marks: { userId: number; attended: boolean | null }[] = []
    for (const [key, value] of formData) {
      const match = /^attended-(\d+)$/.exec(key)
      if (!match || typeof value !== 'string') continue
      marks.push({ userId: Number(match[1]), attended: value === 'yes' ? true : value === 'no' ? false : null })
    }
    setAttendance(m.id, marks, user)
    return redirectWithFlash(here, 'attendanceSaved')
  }
  const userId = Number(formData.get('userId'))
  if (!Number.isSafeInteger(userId) || userId <= 0) throw new Response('Bad Request', { status: 400 })
  const change =
    intent === 'approve'
      ? approveRegistration
      : intent === 'decline'
        ? declineRegistration
        : intent === 'cancel'
          ? cancelRegistration
          : null
  if (!change) throw new Response('Bad Request', { status: 400 })
  const done = await change(m.id, userId, user, options)
  if (!done.ok) return data({ result: undefined, refused: done.reason }, { status: 400 })
  return redirectWithFlash(here, 'registrationUpdated')
}

export default function ParticipantsPage() {
  const { lang, meeting: m, groups, counts, waitlist } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation(['participation', 'common'])
  const hasConfirmed = counts.confirmed > 0
  return (
    <div className="page participation-page">
      <p className="breadcrumb">
        <Link to={`/${lang}/meetings`}>{t('nav.meetings', { ns: 'common' })}</Link>
        {' › '}
        <Link to={`/${lang}/meetings/${m.id}`}>
          <BilingualText en={m.titleEn} ar={m.titleAr} lang={lang} />
        </Link>
      </p>
      <h1>
        {t('participants.title')}: <BilingualText en={m.titleEn} ar={m.titleAr} lang={lang} />
      </h1>
      <p className="lead">
        {m.capacity === null ? t('participants.noCapacity') : t('participants.capacity', { capacity: m.capacity })}
        {' · '}
        {t('participants.summary', counts)}
      </p>
      <p className="participation-links">
        <a href={`/meetings/${m.id}/participants.csv`} download>
          {t('participants.export')}
        </a>
        <Link to={`/${lang}/meetings/${m.id}/invitations`}>{t('participants.invitations')}</Link>
      </p>
      <FormError>{actionData?.refused ? t(`refused.${actionData.refused}`) : null}</FormError>

      {groups.length ? (
        <>
          {hasConfirmed ? <form method="post" id="attendance-form" /> : null}
          {groups.map((g) => (
            <section key={g.key} className="participation-group" aria-labelledby={`group-${g.key}`}>
              <h2 id={`group-${g.key}`}>
                {g.key === 'none' ? (
                  t('participants.noParliament')
                ) : (
                  <BilingualText en={g.nameEn} ar={g.nameAr} lang={lang} />
                )}{' '}
                <span className="muted">({g.rows.length})</span>
              </h2>
              <div className="table-wrap">
                <table className="participation-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('participants.name')}</th>
                      <th scope="col">{t('participants.state')}</th>
                      <th scope="col">{t('participants.mode')}</th>
                      <th scope="col">{t('participants.interpretation')}</th>
                      <th scope="col">{t('participants.needs')}</th>
                      <th scope="col">{t('participants.attended')}</th>
                      <th scope="col">{t('participants.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {g.rows.map((p) => (
                      <ParticipantRowView key={p.userId} p={p} />
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
          {hasConfirmed ? (
            <p>
              <button type="submit" form="attendance-form" name="intent" value="attendance" className="button">
                {t('participants.saveAttendance')}
              </button>
            </p>
          ) : null}
        </>
      ) : (
        <p>{t('participants.none')}</p>
      )}

      <section className="participation-section" aria-labelledby="waitlist-title">
        <h2 id="waitlist-title">{t('participants.waitlist')}</h2>
        {waitlist.length ? (
          <>
            <p className="muted">{t('participants.waitlistLead')}</p>
            <ol className="participation-waitlist">
              {waitlist.map((w) => (
                <li key={w.userId}>
                  <bdi>{w.name}</bdi>{' '}
                  <span className="muted">
                    (
                    {t('participants.requested', {
                      date: formatInZone(new Date(w.requestedAt), lang, m.timeZone, 'dateTime'),
                    })}
                    )
                  </span>
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p>{t('participants.waitlistEmpty')}</p>
        )}
      </section>

      <MessageForm />
    </div>
  )
}

function ParticipantRowView({ p }: { p: ParticipantRow }) {
  const { t, i18n } = useTranslation('participation')
  return (
    <tr>
      <th scope="row">
        <bdi>{p.name}</bdi>
        <span className="participation-table__email" dir="ltr">
          {p.email}
        </span>
      </th>
      <td>
        <RegistrationStateBadge state={p.state} />
      </td>
      <td>{t(`modes.${p.attendanceMode}`)}</td>
      <td>{p.interpretation.map((l) => t(`languages.${l}`)).join(i18n.language === 'ar' ? '، ' : ', ')}</td>
      <td>
        {p.accessibilityNeeds ? (
          <p dir="auto">{t('participants.accessibilityShort', { text: p.accessibilityNeeds })}</p>
        ) : null}
        {p.dietaryNeeds ? <p dir="auto">{t('participants.dietaryShort', { text: p.dietaryNeeds })}</p> : null}
      </td>
      <td>
        {p.state === 'confirmed' ? (
          <select
            name={`attended-${p.userId}`}
            form="attendance-form"
            defaultValue={p.attended === null ? '' : p.attended ? 'yes' : 'no'}
            aria-label={t('participants.attendedLabel', { name: p.name })}
          >
            <option value="">{t('participants.attendedUnknown')}</option>
            <option value="yes">{t('participants.attendedYes')}</option>
            <option value="no">{t('participants.attendedNo')}</option>
          </select>
        ) : null}
      </td>
      <td>
        <Form method="post" className="participation-row-actions">
          <input type="hidden" name="userId" value={p.userId} />
          {p.state === 'pending' ? (
            <>
              <button
                type="submit"
                name="intent"
                value="approve"
                className="button button--small"
                aria-label={t('participants.approveLabel', { name: p.name })}
              >
                {t('participants.approve')}
              </button>
              <button
                type="submit"
                name="intent"
                value="decline"
                className="button button--quiet button--small"
                aria-label={t('participants.declineLabel', { name: p.name })}
              >
                {t('participants.decline')}
              </button>
            </>
          ) : null}
          {['confirmed', 'pending', 'waitlisted'].includes(p.state) ? (
            <button
              type="submit"
              name="intent"
              value="cancel"
              className="button button--quiet button--small"
              aria-label={t('participants.cancelLabel', { name: p.name })}
            >
              {t('participants.cancel')}
            </button>
          ) : null}
        </Form>
      </td>
    </tr>
  )
}

function MessageForm() {
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('participation')
  const errorText = useErrorText()
  const [form, fields] = useForm<{ subject: string; body: string; includeWaitlisted: string }>({
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
  })
  return (
    <section className="participation-section" aria-labelledby="message-title">
      <h2 id="message-title">{t('participants.message')}</h2>
      <p className="muted">{t('participants.messageLead')}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="stack participation-form">
        <Field
          label={t('participants.subject')}
          errors={errorText(fields.subject.errors)}
          inputProps={{
            ...getInputProps(fields.subject, { type: 'text', ariaAttributes: false }),
            dir: 'auto',
            maxLength: 200,
          }}
        />
        <TextareaField
          field={fields.body}
          label={t('participants.body')}
          errors={errorText(fields.body.errors)}
          rows={6}
          maxLength={10_000}
        />
        <div className="field field--check">
          <input {...getInputProps(fields.includeWaitlisted, { type: 'checkbox', ariaAttributes: false })} />
          <label htmlFor={fields.includeWaitlisted.id}>{t('participants.includeWaitlisted')}</label>
        </div>
        <p>
          <button type="submit" name="intent" value="message" className="button">
            {t('participants.send')}
          </button>
        </p>
      </Form>
    </section>
  )
}
