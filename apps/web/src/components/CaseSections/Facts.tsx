import { DataSummary, DataSummaryItem } from '@rijkshuisstijl-community/components-react';

export interface Fact {
  label: string;
  value: string | undefined;
}

/** Key–value pairs of a section; a fact without a value is left out rather than shown empty. */
export function Facts({ facts }: { facts: readonly Fact[] }) {
  return (
    <DataSummary className="hoeder-facts">
      {facts
        .filter((fact): fact is Fact & { value: string } => fact.value !== undefined && fact.value !== '')
        .map((fact) => (
          <DataSummaryItem key={fact.label} itemKey={fact.label} itemValue={fact.value} />
        ))}
    </DataSummary>
  );
}
