import { Form, useLocation, type FormProps } from '@remix-run/react'

/**
 * A search or filter form (method GET) that submits to this page. Remix's <Form> without an action repeats the
 * current query string in its action attribute, whatever its length; this one names the path only (the browser
 * replaces the query with the form's fields on submit anyway).
 */
export function GetForm(props: Omit<FormProps, 'method' | 'action'>) {
  const { pathname } = useLocation()
  return <Form {...props} method="get" action={pathname} />
}
