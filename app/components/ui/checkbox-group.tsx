import { getCollectionProps } from '@conform-to/react'
import type { ReactNode } from 'react'
import { useErrorText } from '~/utils/forms'
import { FieldErrors } from './field'

export type Option = { value: string; label: string }

type CollectionField = Parameters<typeof getCollectionProps>[0]

/** The options of a vocabulary (or of any values), each with its localized label. */
export function toOptions(values: readonly (string | number)[], label: (value: string) => string): Option[] {
  return values.map((v) => ({ value: String(v), label: label(String(v)) }))
}

/**
 * A fieldset of choices with its legend, hint and already-translated errors, described by the hint and errors
 * (their ids are `${id}-hint` and `${id}-error`). The choices themselves are its children.
 */
export function ChoiceFieldset({
  id,
  legend,
  hint,
  errors,
  className = 'choice-group',
  children,
}: {
  id: string
  legend: ReactNode
  hint?: ReactNode
  errors: string[] | undefined
  className?: string
  children: ReactNode
}) {
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = errors?.length ? `${id}-error` : undefined
  return (
    <fieldset className={className} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {errorId ? <FieldErrors id={errorId} errors={errors!} /> : null}
      {children}
    </fieldset>
  )
}

/** One checkbox or radio button per option of a conform field, each with its label. */
export function ChoiceOptions({
  field,
  type,
  options,
}: {
  field: CollectionField
  type: 'checkbox' | 'radio'
  options: Option[]
}) {
  const labels = new Map(options.map((o) => [o.value, o.label]))
  return (
    <>
      {getCollectionProps(field, { type, options: options.map((o) => o.value), ariaAttributes: false }).map(
        ({ key, ...props }) => (
          <div className="field field--check" key={key}>
            <input {...props} />
            <label htmlFor={props.id}>{labels.get(props.value)}</label>
          </div>
        ),
      )}
    </>
  )
}

/**
 * A group of checkboxes bound to a conform list field (pillars, languages, themes…), with its legend, hint and
 * errors wired through aria-describedby. The errors are the field's own and its items' (a forged value reports on
 * "languages[1]"), translated, unless given: `[]` where the form shows them elsewhere.
 */
export function CheckboxGroup({
  legend,
  hint,
  field,
  errors,
  options,
}: {
  legend: string
  hint?: string
  field: CollectionField
  errors?: string[]
  options: Option[]
}) {
  const errorText = useErrorText()
  const shown = errors ?? errorText(Object.values(field.allErrors as Record<string, string[]>).flat())
  return (
    <ChoiceFieldset id={field.id} legend={legend} hint={hint} errors={shown && [...new Set(shown)]}>
      <div className="choice-group__options">
        <ChoiceOptions field={field} type="checkbox" options={options} />
      </div>
    </ChoiceFieldset>
  )
}

/** A group of radio buttons bound to a conform field, under its legend. */
export function RadioGroup({ legend, field, options }: { legend: string; field: CollectionField; options: Option[] }) {
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      <ChoiceOptions field={field} type="radio" options={options} />
    </fieldset>
  )
}
