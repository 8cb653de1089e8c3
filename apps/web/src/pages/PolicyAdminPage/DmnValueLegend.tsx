import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { DataSummary, DataSummaryItem } from '@rijkshuisstijl-community/components-react';
import nl from '../../i18n/nl.json';
import { untyped } from '../../i18n/enums';
import { domainLabel, measureLabel } from '../../components/PolicyPackage/labels';

/** Groups whose values can appear as FEEL strings in the policy's tables, most specific first. */
const GROUPS: readonly { prefix: string; table: Record<string, unknown> }[] = [
  { prefix: 'enums.threatLevel', table: nl.enums.threatLevel },
  { prefix: 'enums.resistanceLevel', table: nl.enums.resistanceLevel },
  { prefix: 'enums.phenomenon', table: nl.enums.phenomenon },
  { prefix: 'policy.values', table: nl.policy.values },
];

/** The Dutch meaning of one value code of the tables, or undefined when it has none. */
export function dmnValueLabel(t: TFunction, code: string): string | undefined {
  const group = GROUPS.find((g) => Object.hasOwn(g.table, code));
  if (group) return untyped(t)(`${group.prefix}.${code}`);
  const measure = measureLabel(t, code);
  if (measure !== code) return measure;
  const domain = domainLabel(t, code);
  return domain !== code ? domain : undefined;
}

/** The string values in the tables' cells and value lists ("very_high", "camera_surveillance_home"). */
export const dmnValueCodes = (xml: string): string[] => [...new Set([...xml.matchAll(/<text>([^<]*)<\/text>/g)].flatMap((m) => [...m[1]!.matchAll(/(?:"|&quot;)([A-Za-z0-9_]+)(?:"|&quot;)/g)].map((v) => v[1]!)))].sort();

/**
 * The tables hold the policy's values as codes (a DMN model compares strings); this legend says
 * in words what each code means, so policy staff read "Zeer hoog" beside "very_high".
 */
export function DmnValueLegend({ xml }: { xml: string }) {
  const { t } = useTranslation();
  const rows = dmnValueCodes(xml).flatMap((code) => {
    const label = dmnValueLabel(t, code);
    return label ? [{ code, label }] : [];
  });
  if (rows.length === 0) return null;
  return (
    <details className="hoeder-dmn-legend">
      <summary>{untyped(t)('plainDutch.dmnLegend')}</summary>
      <DataSummary>
        {rows.map((r) => (
          <DataSummaryItem key={r.code} itemKey={`"${r.code}"`} itemValue={r.label} />
        ))}
      </DataSummary>
    </details>
  );
}
