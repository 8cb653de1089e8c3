import { useTranslation } from 'react-i18next';
import { untyped } from '../../i18n/enums';
import { useLocation } from 'react-router-dom';
import type { Me } from '@hoeder/contracts';
import { CASE_QUEUES, mayReadStatistics, queuesOf, UNIT_DIRECTORY_ROLES } from '@hoeder/domain';
import { useWorkQueues } from '../../api/work';
import { mayRegisterCase } from '../../lib/permissions';
import { RouterLink } from '../RouterLink/RouterLink';
import { useAssignmentText } from '../../i18n/assignment-text';
import { mayReadLessons } from '../../pages/LessonsPage/LessonsPage';

export function MainNav({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { ta } = useAssignmentText();
  const tx = untyped(t);
  const { pathname } = useLocation();
  // "Voor mij" with the number of items waiting, for roles that have work queues (issue 13).
  const hasQueues = queuesOf(me, CASE_QUEUES).length > 0;
  const work = useWorkQueues(hasQueues);
  const waiting = work.data?.total;
  return (
    <nav aria-label={t('header.mainNav')} className="hoeder-nav">
      <ul className="hoeder-nav__list">
        <li>
          <RouterLink to="/" current={pathname === '/'}>
            {t('nav.overview')}
          </RouterLink>
        </li>
        {hasQueues && (
          <li>
            <RouterLink to="/voor-mij" current={pathname === '/voor-mij'}>
              {tx('work.nav')}
              {waiting !== undefined && (
                <>
                  <span className="hoeder-nav-count" aria-hidden="true">
                    {waiting}
                  </span>
                  <span className="hoeder-visually-hidden">{tx('work.navCount', { count: waiting })}</span>
                </>
              )}
            </RouterLink>
          </li>
        )}
        {mayReadLessons(me.roles) && (
          <li>
            <RouterLink to="/lessen" current={pathname === '/lessen'}>
              {tx('learning.lessons.nav')}
            </RouterLink>
          </li>
        )}
        {me.roles.includes('functional_admin') && (
          <li>
            <RouterLink to="/beleid" current={pathname.startsWith('/beleid')}>
              {t('policy.admin.nav')}
            </RouterLink>
          </li>
        )}
        {(me.roles.includes('inspector') || me.roles.includes('decision_maker')) && (
          <li>
            <RouterLink to="/beleid/afwijkingen" current={pathname === '/beleid/afwijkingen'}>
              {t('policy.deviations.nav')}
            </RouterLink>
          </li>
        )}
        {me.roles.includes('inspector') && (
          <li>
            <RouterLink to="/toezicht/auditlog-checkpoints" current={pathname === '/toezicht/auditlog-checkpoints'}>
              {t('auditCheckpoints.nav')}
            </RouterLink>
          </li>
        )}
        {UNIT_DIRECTORY_ROLES.some((r) => me.roles.includes(r)) && (
          <li>
            <RouterLink to="/eenheden" current={pathname === '/eenheden'}>
              {untyped(t)('masterData.nav.units')}
            </RouterLink>
          </li>
        )}
        {(me.roles.includes('lcc_coordinator') || Boolean(me.unitId)) && (
          <li>
            <RouterLink to="/medewerkers" current={pathname === '/medewerkers'}>
              {untyped(t)('masterData.nav.officers')}
            </RouterLink>
          </li>
        )}
        {me.roles.includes('lcc_coordinator') && (
          <li>
            <RouterLink to="/opdrachten" current={pathname.startsWith('/opdrachten')}>
              {ta('nav.inbox')}
            </RouterLink>
          </li>
        )}
        {(me.roles.includes('police_team_lead') || me.roles.includes('kmar_team_lead')) && (
          <li>
            <RouterLink to="/mijn-opdrachten" current={pathname.startsWith('/mijn-opdrachten')}>
              {ta('nav.mine')}
            </RouterLink>
          </li>
        )}
        {me.roles.includes('inspector') && (
          <>
            <li>
              <RouterLink to="/toezicht/auditlog" current={pathname === '/toezicht/auditlog'}>
                {tx('auditLog.nav')}
              </RouterLink>
            </li>
            <li>
              <RouterLink to="/toezicht/noodtoegang" current={pathname === '/toezicht/noodtoegang'}>
                {tx('breakGlassReview.nav')}
              </RouterLink>
            </li>
          </>
        )}
        {mayReadStatistics(me) && (
          <li>
            <RouterLink to="/statistieken" current={pathname === '/statistieken'}>
              {tx('statistics.nav')}
            </RouterLink>
          </li>
        )}
        {(me.roles.includes('lcc_coordinator') || me.roles.includes('police_team_lead') || me.roles.includes('kmar_team_lead')) && (
          <li>
            <RouterLink to="/roosters" current={pathname.startsWith('/roosters')}>
              {untyped(t)('roster.nav')}
            </RouterLink>
          </li>
        )}
        {me.roles.includes('lcc_coordinator') && (
          <li>
            <RouterLink to="/capaciteit" current={pathname === '/capaciteit'}>
              {untyped(t)('roster.capacity.nav')}
            </RouterLink>
          </li>
        )}
        {mayRegisterCase(me.roles) && (
          <li>
            <RouterLink to="/casussen/nieuw" current={pathname === '/casussen/nieuw'}>
              {t('nav.newCase')}
            </RouterLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
