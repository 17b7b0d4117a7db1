export function redactPath(url: string): string
export function hasSecret(url: string): boolean
export function redactText(text: string): string
