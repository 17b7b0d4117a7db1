// The participants page's sections: the groups by parliament (with attendance and each registration's actions),
// the waitlist, and the message to the participants.
import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { Field, TextareaField } from '~/components/ui/field'
import { RegistrationStateBadge } from '~/features/meetings/registration-panel'
import { useErrorText } from '~/utils/forms'
import type { Language } from '~/utils/i18n'
import { formatInZone } from '~/utils/zoned-format'
import type { loader } from './route'

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>
type Row = Loaded['groups'][number]['rows'][number]

/** One table a parliament; the attendance selects belong to one form, saved by the button under the tables. */
export function ParticipantGroups({
  lang,
  groups,
  hasConfirmed,
}: {
  lang: Language
  groups: Loaded['groups']
  hasConfirmed: boolean
}) {
  const { t } = useTranslation('participation')
  return (
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
  )
}

/** A registration's button: the intent it posts, named for the participant. */
function RowAction({
  intent,
  name,
  quiet,
}: {
  intent: 'approve' | 'decline' | 'cancel'
  name: string
  quiet: boolean
}) {
  const { t } = useTranslation('participation')
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      className={quiet ? 'button button--quiet button--small' : 'button button--small'}
      aria-label={t(`participants.${intent}Label`, { name })}
    >
      {t(`participants.${intent}`)}
    </button>
  )
}

function ParticipantRowView({ p }: { p: Row }) {
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
              <RowAction intent="approve" name={p.name} quiet={false} />
              <RowAction intent="decline" name={p.name} quiet />
            </>
          ) : null}
          {['confirmed', 'pending', 'waitlisted'].includes(p.state) ? (
            <RowAction intent="cancel" name={p.name} quiet />
          ) : null}
        </Form>
      </td>
    </tr>
  )
}

/** The waitlist in its order (the first is the next to get a seat). */
export function Waitlist({
  lang,
  waitlist,
  timeZone,
}: {
  lang: Language
  waitlist: Loaded['waitlist']
  timeZone: string
}) {
  const { t } = useTranslation('participation')
  return (
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
                    date: formatInZone(new Date(w.requestedAt), lang, timeZone, 'dateTime'),
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
  )
}

export function MessageForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation('participation')
  const errorText = useErrorText()
  const [form, fields] = useForm<{ subject: string; body: string; includeWaitlisted: string }>({
    lastResult,
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
