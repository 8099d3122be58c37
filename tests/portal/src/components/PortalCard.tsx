import { Link } from '@fluentui/react';
import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../router';

export interface PortalCardProps {
  /** Used for data-testid="card-<id>" and the title id. */
  id: string;
  title: string;
  children: ReactNode;
  linkText?: string;
  href?: string;
}

/**
 * One home page card: div[role=listitem].portal-card[data-testid="card-<id>"] with
 * .portal-card-header > h2.portal-card-title, .portal-card-body and .portal-card-footer.
 */
export function PortalCard({ id, title, children, linkText, href }: PortalCardProps) {
  const titleId = `card-${id}-title`;
  const onClick = (ev: MouseEvent<HTMLElement>) => {
    if (!href) return;
    ev.preventDefault();
    navigate(href);
  };
  return (
    <div className="portal-card" role="listitem" data-testid={`card-${id}`} aria-labelledby={titleId}>
      <div className="portal-card-header">
        <h2 className="portal-card-title" id={titleId}>
          {title}
        </h2>
      </div>
      <div className="portal-card-body">{children}</div>
      {linkText && href && (
        <div className="portal-card-footer">
          <Link href={href} onClick={onClick}>
            {linkText}
          </Link>
        </div>
      )}
    </div>
  );
}
