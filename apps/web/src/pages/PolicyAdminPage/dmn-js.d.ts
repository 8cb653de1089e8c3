/** The part of dmn-js (no bundled types) this page uses. */
declare module 'dmn-js/lib/Modeler' {
  export interface DmnView {
    type: 'drd' | 'decisionTable' | 'literalExpression' | 'boxedExpression';
    element: { id: string; name?: string; label?: string };
  }
  export interface ViewOptions {
    additionalModules?: unknown[];
  }
  export default class DmnJS {
    constructor(options: { container: HTMLElement; common?: Record<string, unknown>; drd?: ViewOptions; decisionTable?: ViewOptions; literalExpression?: ViewOptions; boxedExpression?: ViewOptions });
    importXML(xml: string): Promise<{ warnings: unknown[] }>;
    saveXML(options?: { format?: boolean }): Promise<{ xml: string }>;
    getViews(): DmnView[];
    getActiveView(): DmnView | undefined;
    open(view: DmnView): Promise<unknown>;
    on(event: string, callback: () => void): void;
    destroy(): void;
  }
}
declare module 'dmn-js/lib/Viewer' {
  export { default } from 'dmn-js/lib/Modeler';
}
