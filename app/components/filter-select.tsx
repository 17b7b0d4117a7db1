/**
 * One filter of a directory's search form: a labelled select whose empty choice means "all". A filter is never the
 * visitor's own data, so autofill stays out (`off`), even where its name is one autofill knows (`country`, `region`).
 */
export function FilterSelect({
  name,
  label,
  value,
  allLabel,
  options,
}: {
  name: string
  label: string
  value: string | number | undefined
  allLabel: string
  options: { value: string | number; label: string }[]
}) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} autoComplete="off" defaultValue={value === undefined ? '' : String(value)}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}
