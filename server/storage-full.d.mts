type Options = {
  onFull?: (error: unknown, request: Request) => void
  diskFull?: () => boolean
}
type Args = { request: Request }
export function isDiskFull(dir: string, minBytes?: number): boolean
export function isStorageFull(error: unknown, diskFull?: () => boolean): boolean
export function typedFields(request: Request | null): Promise<{ name: string; value: string }[]>
export function guardStorage<A extends Args, R>(
  fn: (args: A) => R | Promise<R>,
  options: Options,
): (args: A) => Promise<R>
export function guardBuild<B extends { routes: Record<string, { module: object }> }>(build: B, options: Options): B
