import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Paragraph, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react';
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
 * already knows (similar name and date of birth). A warning only; the registration goes on.
 */
export function DuplicateWarning({ persons }: { persons: readonly { fullName: string; dateOfBirth: string }[] }) {
  const { t, i18n } = useTranslation();
  const tp = untyped(t);
  const typed = useMemo(
    () => persons.map((p, index) => ({ index, fullName: p.fullName.trim(), dateOfBirth: ISO_DATE.test(p.dateOfBirth) ? p.dateOfBirth : undefined })).filter((p) => p.fullName.length >= 3),
    [persons],
  );
  const settled = useSettled(typed);
  const check = useDuplicateCheck(settled.map(({ fullName, dateOfBirth }) => ({ fullName, ...(dateOfBirth ? { dateOfBirth } : {}) })));
  const matches = check.data?.matches ?? [];
  return (
    <div aria-live="polite">
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
                })}
              </UnorderedListItem>
            ))}
          </UnorderedList>
          <Paragraph>{tp('persons.duplicates.hint')}</Paragraph>
        </Alert>
      )}
    </div>
  );
}
