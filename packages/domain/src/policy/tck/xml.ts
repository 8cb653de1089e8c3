/**
 * A minimal XML reader for the TCK test-case files (elements, attributes, text, entities,
 * comments, CDATA). The DMN models themselves are read by dmn-moddle; these files use a
 * different schema, and this small reader avoids a second XML dependency.
 */
export interface XmlElement {
  /** Local name, without namespace prefix. */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? whole;
  });
}

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(':') + 1);

/** Parses a well-formed document and returns its root element; throws on malformed input. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const token = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (const m of xml.matchAll(token)) {
    const current = stack[stack.length - 1] as XmlElement;
    if (m[1] !== undefined) current.text += m[1];
    else if (m[2] !== undefined) {
      if (stack.length < 2 || current.name !== localName(m[2])) throw new Error(`unexpected </${m[2]}>`);
      stack.pop();
    } else if (m[3] !== undefined) {
      const element: XmlElement = { name: localName(m[3]), attributes: attributes(m[4] ?? ''), children: [], text: '' };
      current.children.push(element);
      if (m[5] !== '/') stack.push(element);
    } else if (m[6] !== undefined) current.text += decodeEntities(m[6]);
  }
  const top = root.children[0];
  if (stack.length !== 1 || !top) throw new Error('unclosed element or empty document');
  return top;
}

function attributes(source: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const m of source.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    result[m[1] as string] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  return result;
}

export const childrenNamed = (e: XmlElement, name: string): XmlElement[] => e.children.filter((c) => c.name === name);
export const childNamed = (e: XmlElement, name: string): XmlElement | undefined => e.children.find((c) => c.name === name);
