import { getCollectionProps, getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { BilingualText } from '~/components/bilingual-text'
import { Field, TextareaField } from '~/components/ui/field'
import type { SpeakerChoice } from './agenda.server'
import type { LinkedDocument } from './documents.server'
import { pickLanguage } from '~/utils/bilingual'
import { useErrorText } from '~/utils/forms'
import type { Language } from '~/utils/i18n'
import type { MeetingSessionFormSchema } from './session-schemas'

type Schema = z.input<typeof MeetingSessionFormSchema>

export type SessionFormDefaults = {
  titleEn?: string
  titleAr?: string
  descriptionEn?: string
  descriptionAr?: string
  startsAt?: string
  endsAt?: string
  room?: string
  speakerMemberIds?: string[]
  speakerMemberRef?: string
  externalSpeakers?: string
  resourceIds?: string[]
}

/** The meeting's days, for the time fields: bounds ("YYYY-MM-DDTHH:mm") and labels of the first and last day. */
export type SessionFormWindow = { min: string; max: string; firstLabel: string; lastLabel: string }

/** Adds or edits a session of a meeting's agenda (the same fields both ways; works without JavaScript). */
export function MeetingSessionForm({
  id,
  lastResult,
  defaultValue,
  lang,
  timeZone,
  window: w,
  speakers,
  documents,
  submitLabel,
}: {
  id: string
  lastResult: SubmissionResult<string[]> | null | undefined
  defaultValue: SessionFormDefaults
  lang: Language
  timeZone: string
  window: SessionFormWindow
  speakers: SpeakerChoice[]
  documents: Pick<LinkedDocument, 'id' | 'titleEn' | 'titleAr' | 'state'>[]
  submitLabel: string
}) {
  const { t } = useTranslation('agenda')
  const errorText = useErrorText()
  const [form, fields] = useForm<Schema>({
    id,
    lastResult,
    defaultValue: defaultValue as Record<string, unknown>,
    shouldValidate: 'onSubmit',
  })
  const timeHint = t('form.timeHint', { first: w.firstLabel, last: w.lastLabel })
  const speakerProps = getCollectionProps(fields.speakerMemberIds, {
    type: 'checkbox',
    options: speakers.map((s) => String(s.id)),
    ariaAttributes: false,
  })
  const resourceProps = getCollectionProps(fields.resourceIds, {
    type: 'checkbox',
    options: documents.map((d) => String(d.id)),
    ariaAttributes: false,
  })
  // Speakers grouped by parliament, in the order the model sorted them.
  const groups: {
    parliament: SpeakerChoice
    items: { choice: SpeakerChoice; props: (typeof speakerProps)[number] }[]
  }[] = []
  speakers.forEach((choice, i) => {
    const last = groups.at(-1)
    const item = { choice, props: speakerProps[i]! }
    if (last && last.parliament.parliamentId === choice.parliamentId) last.items.push(item)
    else groups.push({ parliament: choice, items: [item] })
  })
  const speakerErrors = errorText([...new Set(Object.values(fields.speakerMemberIds.allErrors).flat())])
  const resourceErrors = errorText([...new Set(Object.values(fields.resourceIds.allErrors).flat())])
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack session-form">
      <input type="hidden" name="intent" value="save" />
      <Field
        label={t('form.titleEn')}
        hint={t('form.titleHint')}
        errors={errorText(fields.titleEn.errors)}
        inputProps={{
          ...getInputProps(fields.titleEn, { type: 'text', ariaAttributes: false }),
          lang: 'en',
          dir: 'ltr',
          maxLength: 300,
        }}
      />
      <Field
        label={t('form.titleAr')}
        errors={errorText(fields.titleAr.errors)}
        inputProps={{
          ...getInputProps(fields.titleAr, { type: 'text', ariaAttributes: false }),
          lang: 'ar',
          dir: 'rtl',
          maxLength: 300,
        }}
      />
      <div className="session-form__times">
        <Field
          label={t('form.startsAt', { zone: timeZone })}
          hint={timeHint}
          errors={errorText(fields.startsAt.errors)}
          inputProps={{
            ...getInputProps(fields.startsAt, { type: 'datetime-local', ariaAttributes: false }),
            min: w.min,
            max: w.max,
            dir: 'ltr',
          }}
        />
        <Field
          label={t('form.endsAt', { zone: timeZone })}
          hint={timeHint}
          errors={errorText(fields.endsAt.errors)}
          inputProps={{
            ...getInputProps(fields.endsAt, { type: 'datetime-local', ariaAttributes: false }),
            min: w.min,
            max: w.max,
            dir: 'ltr',
          }}
        />
      </div>
      <Field
        label={t('form.room')}
        errors={errorText(fields.room.errors)}
        inputProps={{
          ...getInputProps(fields.room, { type: 'text', ariaAttributes: false }),
          dir: 'auto',
          maxLength: 200,
        }}
      />
      <TextareaField
        field={fields.descriptionEn}
        label={t('form.descriptionEn')}
        errors={errorText(fields.descriptionEn.errors)}
        lang="en"
        rows={3}
        maxLength={5000}
      />
      <TextareaField
        field={fields.descriptionAr}
        label={t('form.descriptionAr')}
        errors={errorText(fields.descriptionAr.errors)}
        lang="ar"
        rows={3}
        maxLength={5000}
      />
      <fieldset
        className="choice-group"
        aria-describedby={[`${id}-speakers-hint`, speakerErrors?.length ? `${id}-speakers-error` : '']
          .filter(Boolean)
          .join(' ')}
      >
        <legend>{t('form.speakers')}</legend>
        <p className="field__hint" id={`${id}-speakers-hint`}>
          {speakers.length ? t('form.speakersHint') : t('form.noSpeakerChoices')}
        </p>
        {speakerErrors?.length ? (
          <ul className="field__errors" id={`${id}-speakers-error`}>
            {speakerErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ) : null}
        {groups.length ? (
          <div className="choice-group__scroll">
            {groups.map((g) => (
              <div
                key={g.parliament.parliamentId}
                role="group"
                aria-labelledby={`${id}-p-${g.parliament.parliamentId}`}
              >
                <p className="choice-group__parliament" id={`${id}-p-${g.parliament.parliamentId}`}>
                  <BilingualText en={g.parliament.parliamentEn} ar={g.parliament.parliamentAr} lang={lang} />
                </p>
                {g.items.map(({ choice, props: { key, ...props } }) => (
                  <div className="field field--check" key={key}>
                    <input {...props} />
                    <label htmlFor={props.id}>
                      <BilingualText en={choice.nameEn} ar={choice.nameAr} lang={lang} />
                    </label>
                  </div>
                ))}
              </div>
            ))}
          </div>
        ) : null}
      </fieldset>
      <Field
        label={t('form.speakerMemberRef')}
        hint={t('form.speakerMemberRefHint')}
        errors={errorText(fields.speakerMemberRef.errors)}
        inputProps={{
          ...getInputProps(fields.speakerMemberRef, { type: 'text', ariaAttributes: false }),
          dir: 'ltr',
          autoComplete: 'off',
        }}
      />
      <TextareaField
        field={fields.externalSpeakers}
        label={t('form.externalSpeakers')}
        hint={t('form.externalSpeakersHint')}
        errors={errorText(fields.externalSpeakers.errors)}
        rows={3}
        maxLength={20_000}
      />
      <fieldset
        className="choice-group"
        aria-describedby={[`${id}-resources-hint`, resourceErrors?.length ? `${id}-resources-error` : '']
          .filter(Boolean)
          .join(' ')}
      >
        <legend>{t('form.resources')}</legend>
        <p className="field__hint" id={`${id}-resources-hint`}>
          {documents.length ? t('form.resourcesHint') : t('form.noResources')}
        </p>
        {resourceErrors?.length ? (
          <ul className="field__errors" id={`${id}-resources-error`}>
            {resourceErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ) : null}
        {documents.map((d, i) => {
          const { key, ...props } = resourceProps[i]!
          const title = pickLanguage({ en: d.titleEn, ar: d.titleAr }, lang)
          return (
            <div className="field field--check" key={key}>
              <input {...props} />
              <label htmlFor={props.id}>
                <span lang={title.lang} dir={title.lang ? 'auto' : undefined}>
                  {title.text}
                </span>
                {d.state !== 'published' ? <span className="muted"> ({t('form.notPublished')})</span> : null}
              </label>
            </div>
          )
        })}
      </fieldset>
      <p>
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </p>
    </Form>
  )
}
