import { Alert, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { PolicyFactsView, SourcedFactView } from '@hoeder/contracts';
import type { SourcedFact } from '@hoeder/domain';
import { useArrangementText } from '../../i18n/arrangement-text';
import { untyped } from '../../i18n/enums';
import { TextareaField } from '../FormFields/FormFields';
import type { FactsDraft } from './PolicyFactsFields';

/** The sourced facts the decision maker states otherwise than their source gives (those need a reason). */
export const changedFacts = (sourced: PolicyFactsView | undefined, facts: FactsDraft): SourcedFact[] =>
  (sourced?.facts ?? []).filter((f) => f.source !== 'no_source' && facts[f.fact] !== f.value).map((f) => f.fact);

/** The decision form starts from the facts' sources where they have one. */
export function withSourcedFacts(facts: FactsDraft, sourced: PolicyFactsView | undefined): FactsDraft {
  const next = { ...facts } as Record<string, unknown>;
  for (const f of sourced?.facts ?? []) if (f.source !== 'no_source') next[f.fact] = f.value;
  return next as FactsDraft;
}

function useValueLabel() {
  const { t, tr } = useArrangementText();
  return (f: Pick<SourcedFactView, 'fact' | 'value'>) => {
    if (typeof f.value === 'boolean') return f.value ? tr('facts.yes') : tr('facts.no');
    if (f.fact === 'employerMeasures' && f.value === 'partial') return untyped(t)('policy.values.partialEmployer');
    return untyped(t)(`policy.values.${f.value}`);
  };
}

interface Props {
  sourced: PolicyFactsView;
  facts: FactsDraft;
  reasons: Partial<Record<SourcedFact, string>>;
  onReason: (fact: SourcedFact, reason: string) => void;
  /** The level the policy proposes for the stated facts, once evaluated. */
  proposedLevel: string | undefined;
  error: (field: string) => string | undefined;
}

/**
 * Where each policy fact comes from (issue 12 item 7), a reason field for each one stated
 * otherwise, and the assessment's required resistance next to the policy's proposal.
 */
export function FactSources({ sourced, facts, reasons, onReason, proposedLevel, error }: Props) {
  const { tr, code } = useArrangementText();
  const valueLabel = useValueLabel();
  const changed = new Set(changedFacts(sourced, facts));
  const required = sourced.requiredResistance;
  return (
    <section aria-labelledby="fact-sources-heading" className="hoeder-document">
      <Heading level={4} id="fact-sources-heading">
        {tr('facts.heading')}
      </Heading>
      <Paragraph>{tr('facts.intro')}</Paragraph>
      <div className="hoeder-table-scroll">
        <Table>
          <TableCaption>{tr('facts.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{tr('facts.fact')}</TableHeaderCell>
              <TableHeaderCell scope="col">{tr('facts.value')}</TableHeaderCell>
              <TableHeaderCell scope="col">{tr('facts.source')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sourced.facts.map((f) => (
              <TableRow key={f.fact}>
                <TableHeaderCell scope="row">{code('fact', f.fact)}</TableHeaderCell>
                <TableCell>
                  {valueLabel(f)}
                  {changed.has(f.fact) && <strong> ({tr('facts.changed')})</strong>}
                </TableCell>
                <TableCell>{code('source', f.source)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {[...changed].map((fact) => (
        <TextareaField key={fact} name={`factOverrides.${fact}`} label={tr('facts.overrideReason', { fact: code('fact', fact) })} rows={2} value={reasons[fact] ?? ''} onChange={(v) => onReason(fact, v)} error={error(`factOverrides.${fact}`)} />
      ))}
      <Paragraph>{required ? tr('facts.required', { level: required }) : tr('facts.requiredUnknown')}</Paragraph>
      {required && proposedLevel && proposedLevel !== required && (
        <Alert type="warning">
          <Paragraph>{tr('facts.differs', { proposed: proposedLevel, required })}</Paragraph>
        </Alert>
      )}
      {required && proposedLevel && proposedLevel === required && <Paragraph>{tr('facts.same', { proposed: proposedLevel })}</Paragraph>}
    </section>
  );
}
