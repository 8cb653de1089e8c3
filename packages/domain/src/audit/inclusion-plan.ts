/** Pure (no Node.js APIs): the browser's proof check uses it with WebCrypto (portable.ts). */

const lsb = (x: bigint) => (x & 1n) === 1n;

/**
 * RFC 9162 section 2.1.3.2 as a plan: for each audit-path element, whether it is hashed on the
 * left of the running hash (true) or on its right. Undefined when the index, size and path length
 * cannot belong together — every element must be used, no more and no fewer. BigInt keeps the bit
 * arithmetic exact for any 64-bit size. `verifyInclusion` (merkle.ts) and the browser fold over it.
 */
export function inclusionPlan(index: number | bigint, size: number | bigint, proofLength: number): boolean[] | undefined {
  let fn = BigInt(index);
  const treeSize = BigInt(size);
  if (fn < 0n || fn >= treeSize) return undefined;
  let sn = treeSize - 1n;
  const plan: boolean[] = [];
  for (let i = 0; i < proofLength; i++) {
    if (sn === 0n) return undefined;
    if (lsb(fn) || fn === sn) {
      plan.push(true);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      plan.push(false);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n ? plan : undefined;
}
