import { getCollectionProps, getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from '~/utils/zod'
import { BilingualText } from '~/components/bilingual-text'
import { BilingualInputs, BilingualTextareas } from '~/components/form/bilingual-fields'
import { FormInput, FormTextarea, useServerForm } from '~/components/form/conform-fields'
import { SubmitRow } from '~/components/form/form-parts'
import { ChoiceFieldset } from '~/components/ui/checkbox-group'
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
  const [form, fields] = useServerForm<Schema>({ id, lastResult, defaultValue })
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
      <BilingualInputs
        fields={[fields.titleEn, fields.titleAr]}
        labels={[t('form.titleEn'), t('form.titleAr')]}
        hint={t('form.titleHint')}
        maxLength={300}
      />
      <div className="session-form__times">
        {(['startsAt', 'endsAt'] as const).map((name) => (
          <FormInput
            key={name}
            field={fields[name]}
            type="datetime-local"
            label={t(`form.${name}`, { zone: timeZone })}
            hint={timeHint}
            min={w.min}
            max={w.max}
            dir="ltr"
          />
        ))}
      </div>
      <FormInput field={fields.room} label={t('form.room')} dir="auto" maxLength={200} />
      <BilingualTextareas
        fields={[fields.descriptionEn, fields.descriptionAr]}
        labels={[t('form.descriptionEn'), t('form.descriptionAr')]}
        rows={3}
        maxLength={5000}
      />
      <ChoiceFieldset
        id={`${id}-speakers`}
        legend={t('form.speakers')}
        hint={speakers.length ? t('form.speakersHint') : t('form.noSpeakerChoices')}
        errors={speakerErrors}
      >
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
      </ChoiceFieldset>
      <FormInput
        field={fields.speakerMemberRef}
        label={t('form.speakerMemberRef')}
        hint={t('form.speakerMemberRefHint')}
        dir="ltr"
        autoComplete="off"
      />
      <FormTextarea
        field={fields.externalSpeakers}
        label={t('form.externalSpeakers')}
        hint={t('form.externalSpeakersHint')}
        rows={3}
        maxLength={20_000}
      />
      <ChoiceFieldset
        id={`${id}-resources`}
        legend={t('form.resources')}
        hint={documents.length ? t('form.resourcesHint') : t('form.noResources')}
        errors={resourceErrors}
      >
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
      </ChoiceFieldset>
      <SubmitRow label={submitLabel} />
    </Form>
  )
}
