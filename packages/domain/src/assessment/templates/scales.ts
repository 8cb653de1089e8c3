import type { TemplateOption } from '../method-templates';

/** Shared neutral scales; templates may define their own options per item. */
export const PRESENCE: readonly TemplateOption[] = [
  { value: 'absent', label: 'Absent' },
  { value: 'weak', label: 'Weak indication' },
  { value: 'moderate', label: 'Moderate indication' },
  { value: 'strong', label: 'Strong indication' },
];

export const EXTENT: readonly TemplateOption[] = [
  { value: 'none', label: 'None' },
  { value: 'limited', label: 'Limited' },
  { value: 'considerable', label: 'Considerable' },
  { value: 'high', label: 'High' },
];
