// Which provision may hold which (issue 15, decision 025): the outline of a model law, close to Akoma Ntoso's
// hierarchy. The draft's top level holds a preamble, definitions and the divisions; an article holds paragraphs,
// a paragraph points. Pure, shared by the models, the import and the editing page's choices.
import type { ProvisionKind } from './snapshot'

const allowed: Record<ProvisionKind | 'root', readonly ProvisionKind[]> = {
  root: ['preamble', 'definitions', 'part', 'chapter', 'section', 'article'],
  preamble: ['paragraph'],
  definitions: ['paragraph', 'point'],
  part: ['chapter', 'section', 'article'],
  chapter: ['section', 'article'],
  section: ['article'],
  article: ['paragraph', 'point'],
  paragraph: ['point'],
  point: [],
}

/** Whether a provision of kind `child` may sit directly under `parent` (null: the top level of the draft). */
export function mayContain(parent: ProvisionKind | null, child: ProvisionKind) {
  return allowed[parent ?? 'root'].includes(child)
}

/** The kinds that may be added under `parent`, in outline order. */
export function childKinds(parent: ProvisionKind | null): readonly ProvisionKind[] {
  return allowed[parent ?? 'root']
}

/** The prefix of a generated wId (Akoma Ntoso naming convention abbreviations). */
export const wIdPrefix: Record<ProvisionKind, string> = {
  preamble: 'preamble',
  definitions: 'defs',
  part: 'part',
  chapter: 'chp',
  section: 'sec',
  article: 'art',
  paragraph: 'para',
  point: 'point',
}
