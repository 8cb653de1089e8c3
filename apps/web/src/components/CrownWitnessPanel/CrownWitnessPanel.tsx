import { Alert, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react';
import type { CoordinationView, Me } from '@hoeder/contracts';
import { COORDINATION_READ_ROLES } from '@hoeder/domain';
import { useCoordination } from '../../api/coordination';
import { enumLabel } from '../../i18n/enums';
import { measureLabel } from '../PolicyPackage/labels';
import { isNotFound } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';
import { Section } from '../CaseSections/Section';
import { ConsultationForm, DealPublicForm, InventoryForm, OpenTrackForm, ReviewForm, WeighingForm } from './CrownWitnessForms';
import { useCrownWitnessText } from './crownWitnessText';

export const maySeeCoordination = (me: Me) => me.roles.some((r) => COORDINATION_READ_ROLES.includes(r));

/**
 * The crown-witness track and the coordinate interests on the case page (issue 14, DOMAIN §9):
 * the OM's interest, the risk inventory with which required measures are active, the gate for
 * making the deal public, the weighings with their independent review, and the NCTV–OM
 * consultations — each entry only as its originator released it; as of a moment in the past too.
 */
export function CrownWitnessPanel({ caseId, me, asOf }: { caseId: string; me: Me; asOf: string | null }) {
  const { tc, i18n } = useCrownWitnessText();
  const query = useCoordination(caseId, asOf, maySeeCoordination(me));
  if (!maySeeCoordination(me) || isNotFound(query.error)) return null;
  const view = query.data;
  return (
    <Section title={tc('section.title')} id="kroongetuige">
      <Paragraph>{tc('section.intro')}</Paragraph>
      <ApiErrorAlert error={query.error} />
      {view?.asOf && <Alert type="info">{tc('section.asOf', { moment: formatDateTime(view.asOf, i18n.language) })}</Alert>}
      {view && view.withheld > 0 && <Paragraph>{tc('section.withheld', { count: view.withheld })}</Paragraph>}
      {view && (
        <>
          <TrackBlock view={view} />
          <WeighingsBlock view={view} me={me} />
          <ConsultationsBlock view={view} me={me} />
        </>
      )}
    </Section>
  );
}

const personName = (view: CoordinationView, id: string) => view.persons.find((p) => p.personId === id)?.fullName ?? '–';

function TrackBlock({ view }: { view: CoordinationView }) {
  const { t, tc, i18n } = useCrownWitnessText();
  const track = view.track;
  const inventory = track?.inventory;
  return (
    <>
      <Heading level={3}>{tc('track.title')}</Heading>
      {!track && <Paragraph>{tc('track.none')}</Paragraph>}
      {!track && view.may.openTrack && <OpenTrackForm view={view} />}
      {track && (
        <>
          <Paragraph>
            {tc('track.witness')}: <strong>{personName(view, track.witnessPersonId)}</strong> · {tc('track.openedAt')} {formatDateTime(track.openedAt, i18n.language)}
          </Paragraph>
          <Heading level={4}>{tc('track.interestTitle')}</Heading>
          {track.interest ? (
            <dl>
              <dt>{tc('track.investigativeInterest')}</dt>
              <dd>{track.interest.investigativeInterest}</dd>
              <dt>{tc('track.prosecutorialInterest')}</dt>
              <dd>{track.interest.prosecutorialInterest}</dd>
            </dl>
          ) : (
            <Paragraph>{tc('track.interestWithheld')}</Paragraph>
          )}
          {inventory ? (
            <>
              <Heading level={4}>{tc('inventory.title', { version: inventory.version })}</Heading>
              <UnorderedList aria-label={tc('inventory.personsInScope')}>
                {inventory.personsInScope.map((p) => (
                  <UnorderedListItem key={p.personId}>
                    <strong>{personName(view, p.personId)}</strong> — {tc('inventory.riskLevel')}: {enumLabel(t, 'threatLevel', p.riskLevel)}. {p.risks}
                  </UnorderedListItem>
                ))}
              </UnorderedList>
              <Paragraph>
                <strong>{tc('inventory.requiredMeasures')}</strong>
              </Paragraph>
              <UnorderedList aria-label={tc('inventory.requiredMeasures')}>
                {inventory.requiredMeasures.map((m) => (
                  <UnorderedListItem key={`${m.personId}-${m.domain}-${m.measure}`}>
                    {personName(view, m.personId)}: {measureLabel(t, m.measure)} — <strong>{m.active ? tc('inventory.measureActive') : tc('inventory.measureInactive')}</strong>
                  </UnorderedListItem>
                ))}
              </UnorderedList>
              <dl>
                {(['protectionCapacity', 'witnessProtectionCapacity', 'ethicalConsequences'] as const).map((k) => (
                  <div key={k}>
                    <dt>{tc(`inventory.${k}`)}</dt>
                    <dd>{inventory[k]}</dd>
                  </div>
                ))}
              </dl>
            </>
          ) : (
            <Paragraph>{track.inventoryVersions > 0 ? tc('inventory.withheld') : tc('inventory.none')}</Paragraph>
          )}
          {view.may.recordInventory && !track.dealPublicAt && <InventoryForm key={view.version} view={view} />}
          <GateBlock view={view} />
        </>
      )}
    </>
  );
}

function GateBlock({ view }: { view: CoordinationView }) {
  const { tc, i18n } = useCrownWitnessText();
  const track = view.track!;
  return (
    <>
      <Heading level={4}>{tc('gate.title')}</Heading>
      {track.dealPublicAt ? (
        <Alert type="ok">
          {tc('track.dealPublicAt')} {formatDateTime(track.dealPublicAt, i18n.language)}
        </Alert>
      ) : track.gate?.open ? (
        <Paragraph>{tc('gate.open')}</Paragraph>
      ) : (
        <>
          <Paragraph>{tc('gate.closed')}</Paragraph>
          <UnorderedList aria-label={tc('gate.closed')}>
            {track.gate?.blockers.map((b) => <UnorderedListItem key={b}>{tc(`gate.blocker.${b}`)}</UnorderedListItem>)}
          </UnorderedList>
        </>
      )}
      {view.may.dealPublic && <DealPublicForm view={view} />}
    </>
  );
}

function WeighingsBlock({ view, me }: { view: CoordinationView; me: Me }) {
  const { t, tc, i18n } = useCrownWitnessText();
  return (
    <>
      <Heading level={3}>{tc('weighing.title')}</Heading>
      {view.weighings.length === 0 && <Paragraph>{tc('weighing.none')}</Paragraph>}
      {view.weighings.map((w) => (
        <article key={w.weighingId} className="hoeder-document" aria-label={`${tc(`weighing.subjects.${w.subject}`)} — ${tc(`weighing.outcomes.${w.outcome}`)}`}>
          <Paragraph>
            <strong>{tc(`weighing.subjects.${w.subject}`)}</strong> · {tc('weighing.outcome')}: <strong>{tc(`weighing.outcomes.${w.outcome}`)}</strong>
            <br />
            {tc('weighing.recordedBy', { role: enumLabel(t, 'role', w.recordedRole), moment: formatDateTime(w.recordedAt, i18n.language) })} · {tc('forms.originator', { organisation: enumLabel(t, 'organisation', w.originator) })}
          </Paragraph>
          <dl>
            <dt>{tc('weighing.protectionInterest')}</dt>
            <dd>{w.protectionInterest}</dd>
            <dt>{tc('weighing.investigationInterest')}</dt>
            <dd>{w.investigationInterest}</dd>
            <dt>{tc('weighing.reasons')}</dt>
            <dd>{w.reasons}</dd>
            <dt>{tc('weighing.participants')}</dt>
            <dd>{w.participants.map((p) => `${p.name} (${enumLabel(t, 'organisation', p.organisation)})`).join(', ')}</dd>
            <dt>{tc('weighing.review')}</dt>
            <dd>{w.review ? `${tc(`weighing.verdicts.${w.review.verdict}`)}: ${w.review.findings}` : tc('weighing.notReviewed')}</dd>
          </dl>
          {w.mayReview && <ReviewForm view={view} weighingId={w.weighingId} />}
        </article>
      ))}
      {view.may.recordWeighing && <WeighingForm key={view.version} view={view} me={me} />}
    </>
  );
}

function ConsultationsBlock({ view, me }: { view: CoordinationView; me: Me }) {
  const { t, tc } = useCrownWitnessText();
  return (
    <>
      <Heading level={3}>{tc('consultation.title')}</Heading>
      {view.consultations.length === 0 && <Paragraph>{tc('consultation.none')}</Paragraph>}
      <UnorderedList aria-label={tc('consultation.title')}>
        {view.consultations.map((c) => (
          <UnorderedListItem key={c.consultationId}>
            <strong>{tc(`consultation.levels.${c.level}`)}</strong>, {c.heldOn} — {c.summary} ({c.participants.map((p) => `${p.name}, ${enumLabel(t, 'organisation', p.organisation)}`).join('; ')})
          </UnorderedListItem>
        ))}
      </UnorderedList>
      {view.may.recordConsultation && <ConsultationForm key={view.version} view={view} me={me} />}
    </>
  );
}
