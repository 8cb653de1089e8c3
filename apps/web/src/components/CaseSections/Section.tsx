import { useId, type ReactNode } from 'react';
import { Heading } from '@rijkshuisstijl-community/components-react';

/** A named region of the case page, so screen-reader users can jump between sections. */
export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const headingId = useId();
  return (
    <section id={id} aria-labelledby={headingId} className="hoeder-section">
      <Heading level={2} id={headingId}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
