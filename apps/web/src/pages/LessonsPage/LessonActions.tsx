import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import type { LessonView } from '@hoeder/contracts';
import { CLASSIFICATIONS, classificationRank, learning } from '@hoeder/domain';
import { useLessonAction, useMethodTemplates, type LessonActionPath } from '../../api/learning';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { CheckboxField, SelectField, TextareaField, TextField } from '../../components/FormFields/FormFields';
import { enumLabel } from '../../i18n/enums';
import { formatDate } from '../../lib/format';
import { LessonRule, LessonStatus, useLessonText } from './LessonParts';

function ActionForm({ lessonId, path, title, submit, saved, body, children }: { lessonId: string; path: LessonActionPath; title: string; submit: string; saved: string; body: () => Record<string, unknown>; children: ReactNode }) {
  const action = useLessonAction(lessonId, path);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    action.mutate(body());
  };
  return (
    <form onSubmit={onSubmit} aria-label={title} noValidate className="hoeder-form hoeder-action">
      <Heading level={3}>{title}</Heading>
      <ApiErrorAlert error={action.error} />
      {action.isSuccess && <Alert type="ok">{saved}</Alert>}
      {children}
      <Button type="submit" appearance="primary-action-button" disabled={action.isPending}>
        {submit}
      </Button>
    </form>
  );
}

function FollowUpForm({ lesson }: { lesson: LessonView }) {
  const { tl } = useLessonText();
  const [f, setF] = useState({ status: '', note: '', reason: '' });
  const next = learning.LESSON_TRANSITIONS[lesson.status];
  return (
    <ActionForm lessonId={lesson.lessonId} path="status" title={tl('form.title')} submit={tl('form.submit')} saved={tl('form.saved')} body={() => ({ status: f.status, note: f.note, ...(f.reason ? { reason: f.reason } : {}) })}>
      <SelectField name={`status-${lesson.lessonId}`} label={tl('form.status')} value={f.status} onChange={(status) => setF((s) => ({ ...s, status }))} placeholder={tl('choose')} options={next.map((s) => ({ value: s, label: tl(`statuses.${s}`) }))} />
      <TextareaField name={`note-${lesson.lessonId}`} label={tl('form.note')} value={f.note} onChange={(note) => setF((s) => ({ ...s, note }))} rows={2} />
      {f.status === 'not_adopted' && <TextareaField name={`reason-${lesson.lessonId}`} label={tl('form.reason')} description={tl('form.reasonHint')} value={f.reason} onChange={(reason) => setF((s) => ({ ...s, reason }))} rows={2} />}
    </ActionForm>
  );
}

function ReleaseForm({ lesson }: { lesson: LessonView }) {
  const { t, tl } = useLessonText();
  const lower = CLASSIFICATIONS.filter((c) => classificationRank(c) < classificationRank(lesson.classification));
  const [f, setF] = useState({ classification: '', title: lesson.title, finding: lesson.finding, followUp: lesson.followUp, checked: false });
  return (
    <ActionForm lessonId={lesson.lessonId} path="release" title={tl('release.title')} submit={tl('release.submit')} saved={tl('release.saved')} body={() => ({ classification: f.classification, title: f.title, finding: f.finding, followUp: f.followUp, checkedNoCaseData: f.checked })}>
      <Paragraph>{tl('release.intro')}</Paragraph>
      <SelectField name={`release-classification-${lesson.lessonId}`} label={tl('release.classification')} value={f.classification} onChange={(classification) => setF((s) => ({ ...s, classification }))} placeholder={tl('choose')} options={lower.map((c) => ({ value: c, label: enumLabel(t, 'classification', c) }))} />
      <TextField name={`release-title-${lesson.lessonId}`} label={tl('release.titleField')} value={f.title} onChange={(title) => setF((s) => ({ ...s, title }))} />
      <TextareaField name={`release-finding-${lesson.lessonId}`} label={tl('release.finding')} value={f.finding} onChange={(finding) => setF((s) => ({ ...s, finding }))} rows={3} />
      <TextareaField name={`release-followUp-${lesson.lessonId}`} label={tl('release.followUp')} value={f.followUp} onChange={(followUp) => setF((s) => ({ ...s, followUp }))} rows={2} />
      <CheckboxField name={`release-check-${lesson.lessonId}`} label={tl('release.check')} checked={f.checked} onChange={(checked) => setF((s) => ({ ...s, checked }))} />
    </ActionForm>
  );
}

function TemplateForm({ lesson }: { lesson: LessonView }) {
  const { tl } = useLessonText();
  const templates = useMethodTemplates(true);
  const [choice, setChoice] = useState('');
  // The newest version of each template: a change is proposed against the version in use.
  const newest = [...new Map((templates.data ?? []).sort((a, b) => a.version - b.version).map((tpl) => [tpl.templateId, tpl])).values()];
  const [templateId, version] = choice.split('@');
  return (
    <ActionForm lessonId={lesson.lessonId} path="method-template" title={tl('template.title')} submit={tl('template.submit')} saved={tl('template.saved')} body={() => ({ templateId: templateId ?? '', version: Number(version) })}>
      <SelectField name={`template-${lesson.lessonId}`} label={tl('template.template')} value={choice} onChange={setChoice} placeholder={tl('choose')} options={newest.map((tpl) => ({ value: `${tpl.templateId}@${tpl.version}`, label: tl('template.option', { title: tpl.title, version: tpl.version }) }))} />
    </ActionForm>
  );
}

/** One lesson's own section (the work queue links here): its follow-up, release and rule, and what the reader may do. */
export function LessonSection({ lesson }: { lesson: LessonView }) {
  const { t, tl, i18n } = useLessonText();
  const headingId = `les-${lesson.lessonId}-heading`;
  return (
    <section id={`les-${lesson.lessonId}`} aria-labelledby={headingId} className="hoeder-lesson">
      <Heading level={2} id={headingId}>
        {lesson.title}
      </Heading>
      {lesson.readThroughRelease && <Paragraph>{tl('release.readThrough')}</Paragraph>}
      {lesson.release && <Paragraph>{tl('release.released', { classification: enumLabel(t, 'classification', lesson.release.classification), date: formatDate(lesson.release.releasedAt.slice(0, 10), i18n.language) })}</Paragraph>}
      <Heading level={3}>{tl('statusHeading')}</Heading>
      <Paragraph>
        <LessonStatus lesson={lesson} />
      </Paragraph>
      {lesson.rule && (
        <Paragraph>
          <LessonRule lesson={lesson} />
        </Paragraph>
      )}
      {lesson.may.followUp && <FollowUpForm lesson={lesson} />}
      {lesson.may.release && <ReleaseForm lesson={lesson} />}
      {lesson.may.linkTemplate && <TemplateForm lesson={lesson} />}
    </section>
  );
}
