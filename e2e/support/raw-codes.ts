import type { Page } from 'playwright-core';

/**
 * What must never reach a Dutch screen: API and model codes (snake_case, camelCase, dotted
 * operation codes), unit codes, JavaScript's empty values, English words of the old templates
 * and policy notes, and seeded midnight times ("om 00:00:00" is UTC midnight). Issue 13, item 8.
 */
const PATTERNS: readonly { name: string; re: RegExp }[] = [
  { name: 'snake_case code', re: /\b[a-z]+(?:_[a-z0-9]+)+\b/g },
  { name: 'camelCase identifier', re: /\b[a-z]+[A-Z][a-zA-Z]*\b/g },
  { name: 'dotted code', re: /\b[a-z]+\.[a-z_]+\.[a-z_.]+\b|\b(?:case|assessment|audit|auth|policy|protection|oversight|work|unit|officer|roster|planning|statistics|agenda|assignment|notification|user)\.[a-z_]+\b/g },
  { name: 'unit code', re: /\b(?:bb|hrb|bsb|dkdb)\b/g },
  { name: 'empty value', re: /\b(?:undefined|null|NaN)\b|\[object Object\]/g },
  { name: 'English word', re: /\b(?:Absent|Unknown|Not identified|Weak indication|Strong indication|Organised|Terrorism|State actors|Limited list|Draft:|plausible|circular|Hit policy|View DRD|When|Then|Annotations)\b/g },
  { name: 'seeded midnight', re: /om 0[0-2]:00:00\b/g },
];

/** Codes are fine inside <code> (technical references) and outside <main>. */
export async function visibleMainText(page: Page): Promise<string> {
  return page.locator('main').evaluate((main) => {
    const clone = main.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('code, script, style, [hidden], .hoeder-dmn').forEach((n) => n.remove());
    // Tabs and cells sit side by side without white space between them: keep the words apart.
    // (flex items get no separator in innerText, so the tab list is laid out as blocks here).
    clone.querySelectorAll<HTMLElement>('[role="tablist"], [role="tablist"] > *').forEach((n) => (n.style.display = 'block'));
    clone.querySelectorAll('button, td, th, li, dt, dd, option, a').forEach((n) => n.append(' '));
    // innerText of a detached clone ignores layout; the live page's closed <details> content is
    // left in on purpose, since a user opens it.
    document.body.appendChild(clone);
    const text = clone.innerText;
    clone.remove();
    return text;
  });
}

/** The raw codes found on the page, with what kind each is; empty when the page is clean. */
export function rawCodesIn(text: string): string[] {
  return PATTERNS.flatMap((p) => [...text.matchAll(p.re)].map((m) => `${p.name}: "${m[0]}"`));
}

export async function rawCodesOnPage(page: Page): Promise<string[]> {
  return rawCodesIn(await visibleMainText(page));
}
