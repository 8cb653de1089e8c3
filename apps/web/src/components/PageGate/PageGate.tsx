import type { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import type { Me } from '@hoeder/contracts';
import { mayOpenPage } from '../../lib/page-access';
import { NotFoundPage } from '../../pages/NotFoundPage/NotFoundPage';

/** A page this user may not open is answered as "not found", the same everywhere (lib/page-access.ts). */
export function PageGate({ me, children }: { me: Me; children: ReactNode }) {
  const { pathname } = useLocation();
  return mayOpenPage(me, pathname) ? <>{children}</> : <NotFoundPage />;
}
