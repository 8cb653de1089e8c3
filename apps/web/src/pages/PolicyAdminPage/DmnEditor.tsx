import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Paragraph } from '@rijkshuisstijl-community/components-react';
import type DmnJS from 'dmn-js/lib/Modeler';
import type { DmnView } from 'dmn-js/lib/Modeler';
import { SelectField } from '../../components/FormFields/FormFields';
import './dmn-js-styles';
import { dmnTranslateModule } from './dmn-translate';
import { DmnValueLegend } from './DmnValueLegend';

export interface DmnEditorHandle {
  /** The current XML (with the edits of a modeler). */
  xml(): Promise<string>;
}

interface Props {
  xml: string;
  editable: boolean;
  /** Receives the handle once the tables are shown. */
  onReady: (handle: DmnEditorHandle) => void;
  label: string;
}

/**
 * The decision tables in bpmn.io's dmn-js: the modeler for drafts, the viewer for published
 * versions. This module is loaded lazily (only this page pulls dmn-js and its styles).
 */
export default function DmnEditor({ xml, editable, onReady, label }: Props) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const instance = useRef<DmnJS | null>(null);
  const [views, setViews] = useState<DmnView[]>([]);
  const [active, setActive] = useState('');
  const [error, setError] = useState<string | undefined>();
  const regionId = useId();

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const { default: Editor } = editable ? await import('dmn-js/lib/Modeler') : await import('dmn-js/lib/Viewer');
      if (cancelled || !container.current) return;
      // dmn-js's own labels in the reader's language (its translate module), given to every kind
      // of view: dmn-js replaces `common.additionalModules` with each view's own list.
      const translated = { additionalModules: [dmnTranslateModule(i18n.language)] };
      const dmn = new Editor({ container: container.current, drd: translated, decisionTable: translated, literalExpression: translated, boxedExpression: translated });
      instance.current = dmn;
      try {
        await dmn.importXML(xml);
        const tables = dmn.getViews().filter((v) => v.type === 'decisionTable');
        setViews(tables);
        // Open the first decision table: the rules are what administrators review.
        if (tables[0]) {
          await dmn.open(tables[0]);
          setActive(tables[0].element.id);
        }
        labelTableControls(container.current);
        dmn.on('views.changed', () => container.current && labelTableControls(container.current));
        onReady({ xml: async () => (await dmn.saveXML({ format: true })).xml });
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => {
      cancelled = true;
      instance.current?.destroy();
      instance.current = null;
    };
    // One editor per version, mode and language; `onReady` is a plain callback and must not recreate it.
  }, [xml, editable, i18n.language]);

  const openView = async (id: string) => {
    const view = views.find((v) => v.element.id === id);
    if (!view || !instance.current) return;
    await instance.current.open(view);
    setActive(id);
    if (container.current) labelTableControls(container.current);
  };

  return (
    <>
      {views.length > 0 && (
        <SelectField name="dmn-view" label={t('policy.admin.tables')} value={active} onChange={(id) => void openView(id)} options={views.map((v) => ({ value: v.element.id, label: v.element.label ?? v.element.name ?? v.element.id }))} />
      )}
      {error && (
        <Alert type="error">
          <Paragraph>{t('policy.admin.editorError', { message: error })}</Paragraph>
        </Alert>
      )}
      <div id={regionId} role="region" aria-label={label} className="hoeder-dmn" ref={container} />
      <DmnValueLegend xml={xml} />
    </>
  );
}

/**
 * dmn-js renders some controls without an accessible name (the hit-policy select, icon-only
 * buttons, the content-editable cells). Name them from their own title or role so assistive
 * technology (and axe) can tell what they are; this runs after each render of a table.
 */
function labelTableControls(root: HTMLElement) {
  root.querySelectorAll<HTMLElement>('[contenteditable="true"]:not([aria-label])').forEach((cell) => {
    const column = cell.closest('td')?.cellIndex;
    cell.setAttribute('role', 'textbox');
    cell.setAttribute('aria-label', column !== undefined ? `Cel kolom ${column + 1}` : 'Cel');
  });
  root.querySelectorAll<HTMLElement>('button:not([aria-label]), select:not([aria-label]), input:not([aria-label])').forEach((control) => {
    const name = control.getAttribute('title') ?? control.textContent?.trim();
    if (!name) control.setAttribute('aria-label', control.className || control.tagName.toLowerCase());
  });
}
