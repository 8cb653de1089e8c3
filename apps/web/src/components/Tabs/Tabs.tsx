import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem {
  id: string;
  label: string;
}

interface Props {
  /** Accessible name of the tab list. */
  label: string;
  tabs: readonly TabItem[];
  selected: string;
  onSelect: (id: string) => void;
  /**
   * A tab's panel. A tab's data is fetched when it is first opened; a panel once opened stays
   * mounted (hidden) so that a half-filled form survives a look at another tab.
   */
  renderPanel: (id: string) => ReactNode;
}

/**
 * The WAI-ARIA tabs pattern (automatic activation): one tab stop for the list, arrow keys move
 * between tabs, Home/End to the first/last. The NL Design System has no tabs component yet, so
 * this keeps to the APG example and the Rijkshuisstijl tokens (styles.css, .hoeder-tabs).
 */
export function Tabs({ label, tabs, selected, onSelect, renderPanel }: Props) {
  const base = useId();
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const [opened, setOpened] = useState<readonly string[]>([selected]);
  if (!opened.includes(selected)) setOpened([...opened, selected]);
  const tabId = (id: string) => `${base}-tab-${id}`;
  const panelId = (id: string) => `${base}-panel-${id}`;
  const move = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[target];
    if (!next) return;
    onSelect(next.id);
    refs.current.get(next.id)?.focus();
  };
  return (
    <div className="hoeder-tabs">
      <div role="tablist" aria-label={label} className="hoeder-tabs__list">
        {tabs.map((tab, index) => {
          const active = tab.id === selected;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                if (el) refs.current.set(tab.id, el);
                else refs.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={tabId(tab.id)}
              aria-selected={active}
              aria-controls={opened.includes(tab.id) ? panelId(tab.id) : undefined}
              tabIndex={active ? 0 : -1}
              className="hoeder-tabs__tab"
              onClick={() => onSelect(tab.id)}
              onKeyDown={(event) => move(event, index)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs
        .filter((tab) => opened.includes(tab.id))
        .map((tab) => (
          <div key={tab.id} role="tabpanel" id={panelId(tab.id)} aria-labelledby={tabId(tab.id)} tabIndex={0} hidden={tab.id !== selected} className="hoeder-tabs__panel">
            {renderPanel(tab.id)}
          </div>
        ))}
    </div>
  );
}
