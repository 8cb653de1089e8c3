import type { DeviationRecord, MeasureChange } from './deviation';
import {
  CARE_MODULE_LABELS_NL,
  DOMAIN_LABELS_NL,
  MEASURE_DOMAINS,
  MEASURE_LABELS_NL,
  RESISTANCE_LEVEL_LABELS_NL,
} from './measures';
import type { PackageProposal } from './propose';

const MONTHS_NL = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/** "2026-07-01" → "1 juli 2026"; the calendar date as written, no time zone involved. */
export function formatDateNl(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${MONTHS_NL[(month ?? 1) - 1]} ${year}`;
}

const measureLabel = (code: string): string => MEASURE_LABELS_NL[code] ?? code;
const careLabel = (code: string): string => CARE_MODULE_LABELS_NL[code] ?? code;

/**
 * A plain-language Dutch explanation of a proposed package for the decision letter: the level,
 * the measures per domain, the care modules, why (the annotations of the rules that fired, as
 * the policy states them) and the review period. With a deviation record, the deviation and
 * its motivation are reported too.
 */
export function explainPackageNl(proposal: PackageProposal, deviation?: DeviationRecord): string {
  const sections = [
    `Voorstel beveiligingspakket volgens beleidsversie ${proposal.policyVersion} ` +
      `(geldig vanaf ${formatDateNl(proposal.explanation.effectiveFrom)}).`,
    `Benodigde weerstand: ${RESISTANCE_LEVEL_LABELS_NL[proposal.resistanceLevel] ?? proposal.resistanceLevel}.`,
    packageSection(proposal),
    reasonsSection(proposal),
    `Herijking: het pakket wordt uiterlijk na ${proposal.reviewPeriodMonths} maanden opnieuw bekeken, ` +
      'en eerder als de dreiging verandert.',
  ];
  if (deviation?.deviates) sections.push(deviationSection(deviation));
  sections.push(
    'Dit pakket is een aanbod op maat; het is niet onderhandelbaar. Aan dit pakket kunnen geen rechten ' +
      'worden ontleend voor later: een nieuwe beoordeling kan leiden tot een nieuw, tijdelijk aanbod.',
  );
  return sections.join('\n\n');
}

function packageSection(proposal: PackageProposal): string {
  const lines = ['Het pakket bevat:'];
  for (const domain of MEASURE_DOMAINS) {
    const measures = proposal.measures[domain];
    if (measures.length > 0) lines.push(`- ${DOMAIN_LABELS_NL[domain]}: ${measures.map(measureLabel).join('; ')}.`);
  }
  lines.push(
    proposal.careModules.length > 0
      ? `- Psychosociale zorg: ${proposal.careModules.map(careLabel).join('; ')}.`
      : '- Psychosociale zorg: geen module in dit pakket.',
  );
  return lines.join('\n');
}

/**
 * The rules' own annotations, once each, in the order the tables were evaluated. For a minimum
 * or maximum (C<, C>) only the rules that gave the outcome are reasons.
 */
function reasonsSection(proposal: PackageProposal): string {
  const reasons = new Set<string>();
  for (const decision of proposal.explanation.decisions) {
    const decisive = decision.hitPolicy === 'C<' || decision.hitPolicy === 'C>';
    for (const rule of decision.firedRules) {
      if (decisive && !Object.values(rule.outputs).includes(decision.result)) continue;
      if (rule.annotation) reasons.add(rule.annotation.trim());
    }
  }
  return ['Waarom dit pakket (volgens de beleidsregels):', ...[...reasons].map((r) => `- ${r}`)].join('\n');
}

function deviationSection(deviation: DeviationRecord): string {
  const lines = ['Afwijking van het voorstel van de beleidsregels:'];
  const list = (changes: MeasureChange[]) =>
    changes.map((c) => `${measureLabel(c.measure)} (${DOMAIN_LABELS_NL[c.domain].toLowerCase()})`).join('; ');
  if (deviation.addedMeasures.length > 0) lines.push(`- Toegevoegd: ${list(deviation.addedMeasures)}.`);
  if (deviation.droppedMeasures.length > 0) lines.push(`- Vervallen: ${list(deviation.droppedMeasures)}.`);
  if (deviation.addedCareModules.length > 0) {
    lines.push(`- Zorg toegevoegd: ${deviation.addedCareModules.map(careLabel).join('; ')}.`);
  }
  if (deviation.droppedCareModules.length > 0) {
    lines.push(`- Zorg vervallen: ${deviation.droppedCareModules.map(careLabel).join('; ')}.`);
  }
  if (deviation.reviewPeriodMonths) {
    const { proposed, offered } = deviation.reviewPeriodMonths;
    lines.push(`- Herijkingstermijn: ${offered} in plaats van ${proposed} maanden.`);
  }
  lines.push(`Motivering: ${deviation.motivation ?? ''}`);
  return lines.join('\n');
}
