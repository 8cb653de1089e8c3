import { Fieldset } from '@rijkshuisstijl-community/components-react';
import type { CoordinationView, Me } from '@hoeder/contracts';
import { useTranslation } from 'react-i18next';
import { enumLabel, untyped } from '../../i18n/enums';
import { CheckboxField, TextareaField } from '../FormFields/FormFields';
import { parseParticipants } from './crownWitnessText';

export interface ParticipantsValue {
  userIds: string[];
  externals: string;
}

export const emptyParticipants = (): ParticipantsValue => ({ userIds: [], externals: '' });

/** The request's participants: users picked by id (the server adds the author), externals as "Name (ORG)" lines. */
export const participantsBody = (value: ParticipantsValue, me: Me) => [...value.userIds.map((userId) => ({ userId })), ...parseParticipants(value.externals, me.organisation)];

/**
 * Who took part (ADR 0030): people of the case's team are picked (the author is always listed and
 * cannot review), anyone else is named with their organisation. Only picked users count for the
 * reviewer's independence, so a colleague is picked, not typed.
 */
export function ParticipantsFields({ view, me, value, onChange, idPrefix }: { view: CoordinationView; me: Me; value: ParticipantsValue; onChange: (v: ParticipantsValue) => void; idPrefix: string }) {
  const { t } = useTranslation();
  const tp = (key: string) => untyped(t)(`coordinationParticipants.${key}`);
  const others = view.team.filter((u) => u.userId !== me.userId);
  return (
    <>
      <Fieldset legend={tp('users')}>
        <p className="utrecht-form-field-description">{tp('usersHint')}</p>
        {others.map((u) => (
          <CheckboxField
            key={u.userId}
            name={`${idPrefix}-user-${u.userId}`}
            label={`${u.name} (${enumLabel(t, 'organisation', u.organisation)})`}
            checked={value.userIds.includes(u.userId)}
            onChange={(c) => onChange({ ...value, userIds: c ? [...value.userIds, u.userId] : value.userIds.filter((x) => x !== u.userId) })}
          />
        ))}
      </Fieldset>
      <TextareaField name={`${idPrefix}-externals`} label={tp('externals')} description={tp('externalsHint')} value={value.externals} onChange={(externals) => onChange({ ...value, externals })} rows={2} />
    </>
  );
}
