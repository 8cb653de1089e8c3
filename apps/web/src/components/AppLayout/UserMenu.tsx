import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from '@rijkshuisstijl-community/components-react';
import type { Me } from '@hoeder/contracts';
import { apiPost } from '../../api/client';
import { enumLabel } from '../../i18n/enums';

async function logout(): Promise<void> {
  try {
    await apiPost('/auth/logout', {});
  } finally {
    window.location.assign('/');
  }
}

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const roles = me.roles.map((role) => enumLabel(t, 'role', role)).join(', ');
  return (
    <div className="hoeder-user">
      <Paragraph className="hoeder-user__who">
        <span className="hoeder-user__label">{t('header.userLabel')}</span> <strong>{me.displayName}</strong>
        <br />
        <span className="hoeder-user__label">{t('header.roleLabel')}:</span> {roles} ({enumLabel(t, 'organisation', me.organisation)})
      </Paragraph>
      <Button appearance="secondary-action-button" onClick={() => void logout()}>
        {t('header.logout')}
      </Button>
    </div>
  );
}
