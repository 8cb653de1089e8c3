/** A small seeded generator (mulberry32) so the demo data are the same on every machine. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, pick, int };
}

export type SeededRandom = ReturnType<typeof seededRandom>;

const FIRST_NAMES = ['Anna', 'Bas', 'Chaima', 'Daan', 'Elif', 'Floris', 'Gwen', 'Hamza', 'Iris', 'Joost', 'Kim', 'Levi', 'Mila', 'Niels', 'Olga', 'Ruben', 'Saar', 'Thijs', 'Yara', 'Zoë'];
const SURNAMES = ['Verhoef', 'Hoogland', 'Brinkman', 'Kuipers', 'Dijkstra', 'Mulder', 'van Dam', 'Veenstra', 'Kok', 'Postma', 'Aydın', 'El Idrissi', 'Groen', 'Wolters', 'de Lange', 'Schouten'];

/** Invented names; the combination marks them as synthetic in the demo. */
export const syntheticName = (r: SeededRandom) => `${r.pick(FIRST_NAMES)} ${r.pick(SURNAMES)}`;
