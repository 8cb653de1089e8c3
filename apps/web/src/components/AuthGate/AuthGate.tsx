import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@rijkshuisstijl-community/components-react';
import type { Me } from '@hoeder/contracts';
import { ApiError } from '../../api/client';
import { useMe } from '../../api/queries';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';

const MeContext = createContext<Me | undefined>(undefined);

/** The signed-in user; only usable below <AuthGate>, which renders nothing else until it is known. */
export function useCurrentUser(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useCurrentUser outside AuthGate');
  return me;
}

/**
 * Waits for GET /api/me. A 401 has already sent the browser to the server's login (see the API
 * client); until the navigation happens the user is told so.
 */
export function AuthGate({ children, fallback }: { children: (me: Me) => ReactNode; fallback: (content: ReactNode) => ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.data) return <MeContext.Provider value={me.data}>{children(me.data)}</MeContext.Provider>;
  if (me.error instanceof ApiError && me.error.status === 401) return fallback(<Paragraph role="status">{t('app.redirectingToLogin')}</Paragraph>);
  if (me.error) return fallback(<ApiErrorAlert error={me.error} />);
  return fallback(<Paragraph role="status">{t('app.loading')}</Paragraph>);
}
