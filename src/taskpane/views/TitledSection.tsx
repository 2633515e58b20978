/**
 * A pane section with its heading: the <section> is labelled by its <h2> (ids derived from `id`), so
 * screen readers announce every block by name. `scrollTable` wraps the children in a focusable,
 * labelled box that scrolls sideways (wide tables at 320 px).
 */
import type { ReactNode } from "react";
import { useStyles } from "../styles";

export interface TitledSectionProps {
  id: string;
  title: ReactNode;
  testId?: string;
  scrollTable?: boolean;
  children: ReactNode;
}

export function TitledSection({ id, title, testId, scrollTable, children }: TitledSectionProps) {
  const s = useStyles();
  const titleId = `${id}-title`;
  return (
    <section className={s.section} aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId} className={s.sectionTitle}>
        {title}
      </h2>
      {scrollTable ? (
        <div className={s.tableBox} role="region" aria-labelledby={titleId} tabIndex={0}>
          {children}
        </div>
      ) : (
        children
      )}
    </section>
  );
}
