import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react';
import { useAgendaPosts } from '../../api/execution';
import { untyped } from '../../i18n/enums';
import { formatDate } from '../../lib/format';

/** The posts next week's agenda yields under the active measures, and the post rules that made them. */
export function AgendaPosts({ caseId, version }: { caseId: string; version: number }) {
  const { t, i18n } = useTranslation();
  const tt = untyped(t);
  const posts = useAgendaPosts(caseId, version);
  if (!posts.data) return null;
  const { data } = posts;
  return (
    <section aria-labelledby="agenda-posts">
      <Heading level={2} id="agenda-posts">
        {tt('agenda.posts.title', { date: formatDate(data.startDate, i18n.language) })}
      </Heading>
      <Paragraph>{tt('agenda.posts.intro', { ruleset: data.ruleset ?? '—' })}</Paragraph>
      {data.posts.length === 0 ? (
        <Paragraph>{tt('agenda.posts.none')}</Paragraph>
      ) : (
        <div className="hoeder-table-scroll">
          <Table>
            <TableCaption>{tt('agenda.posts.caption', { count: data.posts.length })}</TableCaption>
            <TableHeader>
              <TableRow>
                {['date', 'shift', 'activity', 'needs', 'units'].map((c) => (
                  <TableHeaderCell key={c} scope="col">
                    {tt(`agenda.posts.${c}`)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.posts.map((p) => (
                <TableRow key={`${p.date}-${p.shiftTypeId}-${p.ruleId}`}>
                  <TableHeaderCell scope="row">{formatDate(p.date, i18n.language)}</TableHeaderCell>
                  <TableCell>{tt(`agenda.shift.${p.shiftTypeId}`)}</TableCell>
                  <TableCell>{p.label}</TableCell>
                  <TableCell>{p.needs.map((n) => `${n.count} × ${tt(`masterData.qualification.${n.qualification}`)}`).join(', ')}</TableCell>
                  <TableCell>{p.allowedUnitKinds.map((k) => tt(`masterData.kind.${k}`)).join(', ')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {data.rules.length + data.withoutPosts.length > 0 && (
        <>
          <Heading level={3}>{tt('agenda.posts.rules')}</Heading>
          <UnorderedList>
            {data.rules.map((r) => (
              <UnorderedListItem key={r.id}>
                <span lang="nl">{r.explanationNl}</span>
              </UnorderedListItem>
            ))}
            {data.withoutPosts.map((w) => (
              <UnorderedListItem key={w.measure}>
                <span lang="nl">{w.reasonNl}</span>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
    </section>
  );
}
