import { Paragraph } from '@rijkshuisstijl-community/components-react';
import { failureKind, useRosterT } from './labels';

/** A run's failure in the reader's language; the server's technical text stays available as detail. */
export function FailureText({ failure, withRoster }: { failure: string; withRoster: boolean }) {
  const { t } = useRosterT();
  return (
    <div>
      <Paragraph>
        {t(`roster.failure.${failureKind(failure)}`)} {withRoster && t('roster.failure.bestRoster')}
      </Paragraph>
      <details>
        <summary>{t('roster.failure.details')}</summary>
        <code>{failure}</code>
      </details>
    </div>
  );
}
