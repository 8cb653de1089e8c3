import type { TemplateOption } from '../method-templates';

/** Shared neutral scales; templates may define their own options per item. */
export const PRESENCE: readonly TemplateOption[] = [
  { value: 'absent', label: 'Afwezig' },
  { value: 'weak', label: 'Zwakke aanwijzing' },
  { value: 'moderate', label: 'Redelijke aanwijzing' },
  { value: 'strong', label: 'Sterke aanwijzing' },
];

export const EXTENT: readonly TemplateOption[] = [
  { value: 'none', label: 'Geen' },
  { value: 'limited', label: 'Beperkt' },
  { value: 'considerable', label: 'Aanzienlijk' },
  { value: 'high', label: 'Hoog' },
];
