import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Paragraph, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react';
import { useDuplicateCheck } from '../../api/persons';
import { untyped } from '../../i18n/enums';
import { formatDate } from '../../lib/format';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Waits until typing has paused, so the check is not asked on every key. */
function useSettled<T>(value: T, ms = 600): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Intake's duplicate warning (issue 12): a person on the form that looks like a person Hoeder
 * already knows (similar name and date of birth). A warning only; the registration goes on. Intake
 * may link the row to the known record, so the person stays one record across cases.
 */
export function DuplicateWarning({ persons, onLink }: { persons: readonly { fullName: string; dateOfBirth: string; personId?: string | undefined }[]; onLink: (index: number, personId: string | undefined) => void }) {
  const { t, i18n } = useTranslation();
  const tp = untyped(t);
  const typed = useMemo(
    () => persons.map((p, index) => ({ index, fullName: p.fullName.trim(), dateOfBirth: ISO_DATE.test(p.dateOfBirth) ? p.dateOfBirth : undefined })).filter((p) => p.fullName.length >= 3),
    [persons],
  );
  const settled = useSettled(typed);
  const check = useDuplicateCheck(settled.map(({ fullName, dateOfBirth }) => ({ fullName, ...(dateOfBirth ? { dateOfBirth } : {}) })));
  const matches = check.data?.matches ?? [];
  const linked = persons.map((p, index) => ({ index, personId: p.personId })).filter((p) => p.personId);
  return (
    <div aria-live="polite">
      {linked.map((p) => (
        <Alert key={`linked-${p.index}`} type="info">
          <Paragraph>{tp('persons.duplicates.linked', { number: p.index + 1 })}</Paragraph>
          <Button type="button" appearance="secondary-action-button" onClick={() => onLink(p.index, undefined)}>
            {tp('persons.duplicates.unlink', { number: p.index + 1 })}
          </Button>
        </Alert>
      ))}
      {matches.length > 0 && (
        <Alert type="warning">
          <Paragraph>
            <strong>{tp('persons.duplicates.title')}</strong>
          </Paragraph>
          <UnorderedList>
            {matches.map((m) => (
              <UnorderedListItem key={`${m.index}-${m.personId}`}>
                {tp('persons.duplicates.item', {
                  number: (settled[m.index]?.index ?? m.index) + 1,
                  name: m.fullName,
                  born: m.dateOfBirth ? formatDate(m.dateOfBirth, i18n.language) : tp('persons.unknownBirth'),
                  strength: tp(`persons.duplicates.strength.${m.strength}`),
                })}{' '}
                {persons[settled[m.index]?.index ?? m.index]?.personId !== m.personId && (
                  <Button type="button" appearance="subtle-button" onClick={() => onLink(settled[m.index]?.index ?? m.index, m.personId)}>
                    {tp('persons.duplicates.link', { number: (settled[m.index]?.index ?? m.index) + 1, name: m.fullName })}
                  </Button>
                )}
              </UnorderedListItem>
            ))}
          </UnorderedList>
          <Paragraph>{tp('persons.duplicates.hint')}</Paragraph>
        </Alert>
      )}
    </div>
  );
}
