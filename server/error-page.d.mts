export function languageOfPath(path: string): 'en' | 'ar'
export function errorPage(lang: 'en' | 'ar', kind: string, status: number): string
