import type { ReactNode } from 'react'

/** A table in a scrolling wrapper: one header row of column names, then the rows given (admin, coordination…). */
export function DataTable({
  columns,
  className,
  children,
}: {
  columns: string[]
  className?: string
  children: ReactNode
}) {
  return (
    <div className="table-wrap">
      <table className={className}>
        <thead>
          <tr>
            {columns.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}
