import { useId, type ReactNode } from 'react';
import { Heading } from '@rijkshuisstijl-community/components-react';

/** A named region of the case page, so screen-reader users can jump between sections. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="hoeder-section">
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
