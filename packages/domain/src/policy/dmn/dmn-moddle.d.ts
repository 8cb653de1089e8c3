/** dmn-moddle ships no types; this is the small part of its API the parser uses. */
declare module 'dmn-moddle' {
  export interface ModdleElement {
    $type: string;
    [key: string]: unknown;
  }
  export interface ParseResult {
    rootElement: ModdleElement;
    warnings: { message: string }[];
  }
  export class DmnModdle {
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
  }
}
