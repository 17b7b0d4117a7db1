// Starting a thread in a working group (issue 17): a title, a first post and, optionally, a proposal with a closing
// date. Active members (and coordinators) only; a closed group's page is a 404 for anyone outside it.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireThreadWriter } from '~/features/groups/thread-guards.server'
import { fieldErrors, ThreadFormSchema } from '~/features/groups/thread-schemas'
import { createThread, listMentionable, unknownMentions } from '~/features/groups/thread.server'
import { mailImmediately } from '~/features/notifications'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/groups-threads.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const handle = { i18n: ['groups'] }

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { group } = requireThreadWriter(request, params.id)
  return {
    lang,
    group: { id: group.id },
    names: listMentionable(group.id).map((m) => m.name),
    title: pageTitle(lang, 'thread.newDocumentTitle', 'groups'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, group } = requireThreadWriter(request, params.id)
  const form = await request.formData()
  const raw = Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : '']))
  const values = { title: raw.title ?? '', proposal: raw.proposal ?? '', closesOn: raw.closesOn ?? '' }
  const parsed = ThreadFormSchema.safeParse(raw)
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), name: '', values }, { status: 400 })
  const created = createThread(group, { id: user.id, name: user.name }, parsed.data)
  if (!created.ok) {
    const field = created.error === 'mentionUnknown' ? 'body' : 'closesOn'
    const name = created.error === 'mentionUnknown' ? (unknownMentions(group.id, parsed.data.body)[0] ?? '') : ''
    return data({ errors: { [field]: created.error }, name, values }, { status: 400 })
  }
  mailImmediately(created.value.notificationIds)
  return redirect(`/${lang}/groups/${group.id}/threads/${created.value.threadId}?done=threadCreated`, 303)
}

function FieldMessage({ id, text }: { id: string; text: string | null }) {
  return text ? (
    <p className="field__error" id={id} role="alert">
      {text}
    </p>
  ) : null
}

export default function NewThreadPage() {
  const { lang, group, names } = useLoaderData<typeof loader>()
  const refused = useActionData<typeof action>()
  const { t } = useTranslation('groups')
  const message = (field: string) =>
    refused?.errors[field] ? t(`thread.errors.${refused.errors[field]}`, { name: refused.name }) : null
  const described = (field: string, hint?: string) =>
    ({
      'aria-describedby': [hint, message(field) ? `${field}-error` : null].filter(Boolean).join(' ') || undefined,
      'aria-invalid': message(field) ? true : undefined,
    }) as const
  return (
    <div className="page thread-page">
      <p className="breadcrumb">
        <Link to={`/${lang}/groups/${group.id}`}>{t('thread.backToGroup')}</Link>
      </p>
      <h1>{t('thread.newTitle')}</h1>
      <Form method="post" className="stack" noValidate>
        <div className="field">
          <label htmlFor="title">{t('thread.title')}</label>
          <input
            id="title"
            name="title"
            required
            maxLength={200}
            defaultValue={refused?.values.title}
            dir="auto"
            {...described('title')}
          />
          <FieldMessage id="title-error" text={message('title')} />
        </div>
        <div className="field">
          <label htmlFor="body">{t('thread.body')}</label>
          <p className="field__hint" id="body-hint">
            {t('thread.bodyHint')} {t('post.mentionsHint', { names: names.join(lang === 'ar' ? '، ' : ', ') })}
          </p>
          <textarea id="body" name="body" rows={8} dir="auto" {...described('body', 'body-hint')} />
          <FieldMessage id="body-error" text={message('body')} />
        </div>
        <fieldset>
          <legend>{t('thread.proposalLegend')}</legend>
          <div className="field">
            <label htmlFor="proposal">{t('thread.proposal')}</label>
            <p className="field__hint" id="proposal-hint">
              {t('thread.proposalHint')}
            </p>
            <textarea
              id="proposal"
              name="proposal"
              rows={3}
              dir="auto"
              defaultValue={refused?.values.proposal}
              {...described('proposal', 'proposal-hint')}
            />
            <FieldMessage id="proposal-error" text={message('proposal')} />
          </div>
          <div className="field">
            <label htmlFor="closesOn">{t('thread.closesOn')}</label>
            <p className="field__hint" id="closesOn-hint">
              {t('thread.closesOnHint')}
            </p>
            <input
              id="closesOn"
              name="closesOn"
              type="date"
              defaultValue={refused?.values.closesOn}
              {...described('closesOn', 'closesOn-hint')}
            />
            <FieldMessage id="closesOn-error" text={message('closesOn')} />
          </div>
        </fieldset>
        <button type="submit">{t('thread.create')}</button>
      </Form>
    </div>
  )
}
