import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { usePageTitle } from '../../hooks/usePageTitle';

/** Also used for a case the reader may not see: "not found" and "forbidden" look the same. */
export function NotFoundPage({ title, text, back, children }: { title?: string; text?: string; back?: { to: string; label: string }; children?: ReactNode }) {
  const { t } = useTranslation();
  const heading = title ?? t('notFound.title');
  usePageTitle(heading);
  return (
    <>
      <Heading level={1}>{heading}</Heading>
      <Paragraph>{text ?? t('notFound.text')}</Paragraph>
      <Paragraph>
        <RouterLink to={back?.to ?? '/'}>{back?.label ?? t('notFound.back')}</RouterLink>
      </Paragraph>
      {children}
    </>
  );
}
