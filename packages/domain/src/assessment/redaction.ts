import type { DafView } from '../access/daf-access';
import type { AssessmentContent } from './assessment-content';
import type { AssessmentVersion, RegisteredItem } from './assessment-state';

/** An item as a subject sees it: the register entry always, the content only where released. */
export type VisibleItem = Omit<RegisteredItem, 'content'> & { content?: string | undefined };

/** A version as a subject sees it: parts the subject may not read are absent, never flagged. */
export type VisibleVersion = Omit<AssessmentVersion, 'content' | 'challenges' | 'returnsToDraft' | 'responseToDissent'> & {
  content: Pick<AssessmentContent, 'template' | 'classification'> & Partial<Omit<AssessmentContent, 'template' | 'classification'>>;
  challenges?: AssessmentVersion['challenges'] | undefined;
  returnsToDraft?: AssessmentVersion['returnsToDraft'] | undefined;
  responseToDissent?: string | undefined;
};

/** Shapes a version and its items to a `DafView`; the view decides, this only removes. */
export function redactAssessment(
  version: AssessmentVersion,
  items: readonly RegisteredItem[],
  view: DafView,
): { version: VisibleVersion | undefined; items: VisibleItem[] } {
  const can = (part: DafView['parts'][number]) => view.parts.includes(part);
  const visibleItems = items
    .filter((i) => view.gradedItemIds.includes(i.itemId))
    .map((i): VisibleItem => (view.contentItemIds.includes(i.itemId) ? i : { ...i, content: undefined }));
  if (view.parts.length === 0) return { version: undefined, items: visibleItems };
  const { content, challenges, returnsToDraft, responseToDissent, ...meta } = version;
  const visible: VisibleVersion = {
    ...meta,
    content: {
      template: content.template,
      classification: content.classification,
      judgement: can('judgement') ? content.judgement : undefined,
      scenarios: can('scenarios') ? content.scenarios : undefined,
      assumptions: can('assumptions') ? content.assumptions : undefined,
      gaps: can('gaps') ? content.gaps : undefined,
      ratings: can('ratings') ? content.ratings : undefined,
      basedOnItemIds: content.basedOnItemIds.filter((id) => view.gradedItemIds.includes(id)),
    },
    challenges: can('challenges') ? challenges : undefined,
    returnsToDraft: can('challenges') ? returnsToDraft : undefined,
    responseToDissent: can('challenges') ? responseToDissent : undefined,
  };
  return { version: visible, items: visibleItems };
}
