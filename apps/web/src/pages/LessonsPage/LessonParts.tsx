import { useTranslation } from 'react-i18next';
import type { LessonView } from '@hoeder/contracts';
import { enumLabel, untyped } from '../../i18n/enums';
import { formatDate } from '../../lib/format';

export function useLessonText() {
  const { t, i18n } = useTranslation();
  const tl = (key: string, values?: Record<string, unknown>) => untyped(t)(`lessonFollowUp.${key}`, values);
  return { t, tl, i18n };
}

/** The follow-up as it stands: status, overdue, and each change (notes only for readers of the lesson's own marking). */
export function LessonStatus({ lesson }: { lesson: LessonView }) {
  const { t, tl, i18n } = useLessonText();
  return (
    <>
      <strong>{tl(`statuses.${lesson.status}`)}</strong>
      {lesson.overdue && <> — {tl('overdue')}</>}
      {lesson.history.length > 0 && (
        <ul aria-label={tl('history')}>
          {lesson.history.map((h) => (
            <li key={h.at}>
              {tl('historyItem', { date: formatDate(h.at.slice(0, 10), i18n.language), status: tl(`statuses.${h.status}`) })}
              {h.by && <> {tl('historyBy', { role: enumLabel(t, 'role', h.by) })}</>}
              {h.note && <>: {h.note}</>}
              {h.reason && <> ({tl('reason', { reason: h.reason })})</>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The rule the lesson links to and how far the loop is: draft, published, or a newer template version loaded. */
export function LessonRule({ lesson }: { lesson: LessonView }) {
  const { tl } = useLessonText();
  const rule = lesson.rule;
  if (!rule) return null;
  const text =
    rule.kind === 'policy'
      ? tl(`rule.policy.${rule.status}`, { version: rule.version })
      : rule.newerVersion !== null
        ? tl('rule.templateNewer', { templateId: rule.templateId, version: rule.version, newer: rule.newerVersion })
        : tl('rule.template', { templateId: rule.templateId, version: rule.version });
  return (
    <span className={rule.closed ? 'hoeder-loop-closed' : 'hoeder-loop-open'}>
      <strong>{tl(rule.closed ? 'rule.closed' : 'rule.open')}:</strong> {text}
    </span>
  );
}
