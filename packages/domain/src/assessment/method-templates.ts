import { fail, ok, type Result } from '../shared/result';
import { NATIONAL_PHENOMENA } from '../shared/vocabulary';

/** The phenomena the DAF has a method for: the four in scope plus the limited list (DOMAIN §2, §4). */
export const METHOD_PHENOMENA = [...NATIONAL_PHENOMENA, 'limited_list'] as const;
export type MethodPhenomenon = (typeof METHOD_PHENOMENA)[number];

/** Every item can be rated "unknown": a lack of information is stated, never silently skipped. */
export const UNKNOWN = 'unknown';

export interface TemplateOption {
  value: string;
  label: string;
}

export interface TemplateItem {
  key: string;
  question: string;
  options: readonly TemplateOption[];
}

/** A method template is data with a version: an assessment names the exact version it used. */
export interface MethodTemplate {
  templateId: string;
  version: number;
  phenomenon: MethodPhenomenon;
  title: string;
  items: readonly TemplateItem[];
}

export interface TemplateRef {
  templateId: string;
  version: number;
}

export interface TemplateRating {
  itemKey: string;
  /** One of the item's option values, or `UNKNOWN`. */
  value: string;
  rationale: string;
}

const invalid = (field: string, message: string) => fail('VALIDATION_FAILED', message, { field });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const unique = (values: readonly string[]) => new Set(values).size === values.length;

function parseItem(raw: unknown): Result<TemplateItem> {
  if (!isObject(raw) || !isText(raw.key) || !isText(raw.question) || !Array.isArray(raw.options)) {
    return invalid('items', 'each item has a key, a question and options');
  }
  const options = raw.options as unknown[];
  const valid = options.every((o) => isObject(o) && isText(o.value) && isText(o.label) && o.value !== UNKNOWN);
  if (!valid || options.length < 2) return invalid('items', `item ${raw.key}: at least two options with value and label ("${UNKNOWN}" is implicit)`);
  const parsed = options.map((o) => ({ value: String((o as TemplateOption).value), label: String((o as TemplateOption).label) }));
  if (!unique(parsed.map((o) => o.value))) return invalid('items', `item ${raw.key}: option values must be unique`);
  return ok({ key: raw.key, question: raw.question, options: parsed });
}

/** Loads a template that arrives as data (a file, an upload): the same checks as the shipped ones. */
export function parseMethodTemplate(raw: unknown): Result<MethodTemplate> {
  if (!isObject(raw)) return invalid('template', 'a template is an object');
  if (!isText(raw.templateId) || !isText(raw.title)) return invalid('templateId', 'a template has an id and a title');
  if (!Number.isInteger(raw.version) || (raw.version as number) < 1) return invalid('version', 'the version is a positive integer');
  if (!(METHOD_PHENOMENA as readonly unknown[]).includes(raw.phenomenon)) return invalid('phenomenon', 'unknown phenomenon');
  if (!Array.isArray(raw.items) || raw.items.length === 0) return invalid('items', 'a template has items to rate');
  const items: TemplateItem[] = [];
  for (const rawItem of raw.items as unknown[]) {
    const item = parseItem(rawItem);
    if (!item.ok) return item;
    items.push(item.value);
  }
  if (!unique(items.map((i) => i.key))) return invalid('items', 'item keys must be unique');
  return ok({
    templateId: raw.templateId,
    version: raw.version as number,
    phenomenon: raw.phenomenon as MethodPhenomenon,
    title: raw.title,
    items,
  });
}

export const findTemplate = (catalogue: readonly MethodTemplate[], ref: TemplateRef): MethodTemplate | undefined =>
  catalogue.find((t) => t.templateId === ref.templateId && t.version === ref.version);

/**
 * Ratings against their template. While drafting, items may still be unrated; `complete` (at
 * submission for challenge) requires every item rated. A rating always carries a rationale.
 */
export function validateRatings(template: MethodTemplate, ratings: readonly TemplateRating[], complete: boolean): Result<TemplateRating[]> {
  if (!unique(ratings.map((r) => r.itemKey))) return invalid('ratings', 'each item is rated once');
  for (const rating of ratings) {
    const item = template.items.find((i) => i.key === rating.itemKey);
    if (!item) return invalid('ratings', `item ${rating.itemKey} is not in template ${template.templateId} v${template.version}`);
    if (rating.value !== UNKNOWN && !item.options.some((o) => o.value === rating.value)) {
      return invalid('ratings', `${rating.value} is not an option of item ${item.key}`);
    }
    if (!isText(rating.rationale)) return invalid('ratings', `the rating of ${item.key} needs a rationale`);
  }
  const missing = template.items.filter((i) => !ratings.some((r) => r.itemKey === i.key)).map((i) => i.key);
  if (complete && missing.length > 0) return fail('VALIDATION_FAILED', 'every template item is rated (unknown is a rating)', { field: 'ratings', missing });
  return ok([...ratings]);
}
