import { getCollectionProps } from '@conform-to/react'

export type Option = { value: string; label: string }

/**
 * A group of checkboxes bound to a conform list field (pillars, languages, themes…), with its legend, hint and
 * already-translated errors wired through aria-describedby.
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
  field: Parameters<typeof getCollectionProps>[0]
  errors: string[] | undefined
  options: Option[]
}) {
  const hintId = hint ? `${field.id}-hint` : undefined
  const errorId = errors?.length ? `${field.id}-error` : undefined
  const labels = new Map(options.map((o) => [o.value, o.label]))
  return (
    <fieldset className="choice-group" aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <ul className="field__errors" id={errorId}>
          {[...new Set(errors)].map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      <div className="choice-group__options">
        {getCollectionProps(field, {
          type: 'checkbox',
          options: options.map((o) => o.value),
          ariaAttributes: false,
        }).map(({ key, ...props }) => (
          <div className="field field--check" key={key}>
            <input {...props} />
            <label htmlFor={props.id}>{labels.get(props.value)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  )
}
