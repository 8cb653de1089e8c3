import type { DafView } from '../access/daf-access';
import type { Classification } from '../shared/vocabulary';
import type { AssessmentContent } from './assessment-content';
import type { AssessmentVersion, RegisteredItem } from './assessment-state';
import type { AdmiraltyGrading, LegalBasis, ReleaseCondition } from './information';

/**
 * The register entry of an item: what a grading-only reader sees. An allow-list, because titles,
 * partner references and the people behind soft information can reveal as much as the content.
 */
export interface ItemRegisterEntry {
  itemId: string;
  kind: RegisteredItem['kind'];
  originator: RegisteredItem['originator'];
  legalBasis?: LegalBasis | undefined;
  classification: Classification;
  releaseCondition: ReleaseCondition;
  receivedOn: string;
  validUntil?: string | undefined;
  grading: AdmiraltyGrading;
  registeredBy: string;
  registeredAt: string;
}

/** An item as a subject sees it: the full item where the originator releases it, else the entry. */
export type VisibleItem = (RegisteredItem & { released: true }) | (ItemRegisterEntry & { released: false });

function registerEntry(item: RegisteredItem): ItemRegisterEntry & { released: false } {
  const { itemId, kind, originator, classification, releaseCondition, receivedOn, validUntil, grading, registeredBy, registeredAt } = item;
  const legalBasis = item.kind === 'product' ? item.legalBasis : undefined;
  return { itemId, kind, originator, legalBasis, classification, releaseCondition, receivedOn, validUntil, grading, registeredBy, registeredAt, released: false };
}

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
  // Sets, not array lookups: a record holds thousands of items (linear, not quadratic).
  const graded = new Set(view.gradedItemIds);
  const released = new Set(view.contentItemIds);
  const visibleItems = items
    .filter((i) => graded.has(i.itemId))
    .map((i): VisibleItem => (released.has(i.itemId) ? { ...i, released: true } : registerEntry(i)));
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
      basedOnItemIds: content.basedOnItemIds.filter((id) => graded.has(id)),
    },
    challenges: can('challenges') ? challenges : undefined,
    returnsToDraft: can('challenges') ? returnsToDraft : undefined,
    responseToDissent: can('challenges') ? responseToDissent : undefined,
  };
  return { version: visible, items: visibleItems };
}
