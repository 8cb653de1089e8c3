import { useTranslation } from 'react-i18next';
import { Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { AssessmentView } from '@hoeder/contracts';
import { enumLabel } from '../../i18n/enums';
import { formatDate } from '../../lib/format';
import { Section } from '../../components/CaseSections/Section';
import { dafLabel, providerLabel } from './labels';

type Item = AssessmentView['items'][number];

function legalBasis(item: Item): string {
  const basis = 'legalBasis' in item ? item.legalBasis : undefined;
  return basis ? `${basis.framework} ${basis.article}` : '—';
}

/**
 * The register table scrolls when wide; its scroll area is focusable for keyboard users (WCAG 2.1.1).
 * The information register: every item with partner, legal basis, marking, release condition,
 * dates and Admiralty grading. Content only where the originator releases it to the reader.
 */
export function ItemRegister({ items }: { items: AssessmentView['items'] }) {
  const { t, i18n } = useTranslation();
  return (
    <Section title={t('daf.register.heading')} id="register">
      {items.length === 0 ? (
        <Paragraph>{t('daf.register.none')}</Paragraph>
      ) : (
        <div className="hoeder-table-scroll" tabIndex={0} role="region" aria-label={t('daf.register.caption', { count: items.length })}>
          <Table>
            <TableCaption>{t('daf.register.caption', { count: items.length })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('daf.register.item')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('daf.fields.originator')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('daf.fields.legalBasis')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('daf.fields.classification')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('daf.fields.releaseCondition')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('daf.register.dates')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('daf.fields.grading')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('daf.fields.content')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((item) => (
                <TableRow key={item.itemId}>
                  <TableHeaderCell scope="row">
                    {dafLabel(t, 'kind', item.kind)}
                    {item.released ? `: ${item.title}` : ''}
                  </TableHeaderCell>
                  <TableCell>{providerLabel(t, item)}</TableCell>
                  <TableCell>{legalBasis(item)}</TableCell>
                  <TableCell>{enumLabel(t, 'classification', item.classification)}</TableCell>
                  <TableCell>{dafLabel(t, 'releaseCondition', item.releaseCondition)}</TableCell>
                  <TableCell>
                    {formatDate(item.receivedOn, i18n.language)}
                    {item.validUntil ? ` – ${formatDate(item.validUntil, i18n.language)}` : ''}
                  </TableCell>
                  <TableCell>
                    <abbr title={`${dafLabel(t, 'reliability', item.grading.reliability)}; ${dafLabel(t, 'credibility', item.grading.credibility)}`}>
                      {item.grading.reliability}
                      {item.grading.credibility}
                    </abbr>
                  </TableCell>
                  <TableCell>
                    {item.released ? (
                      <>
                        {item.kind === 'soft_information' ? `${t('daf.fields.sourceDescription')}: ${item.sourceDescription}. ` : `${t('daf.fields.partnerReference')}: ${item.partnerReference}. `}
                        {item.content}
                      </>
                    ) : (
                      <em>{t('daf.register.notReleased')}</em>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </Section>
  );
}
