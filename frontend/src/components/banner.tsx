import { useId, type ReactNode } from 'react';

type BannerProps = {
  tone: 'info' | 'warning' | 'error';
  title: string;
  children?: ReactNode;
  /** Announce at once: for banners that appear because of something the citizen just did. */
  urgent?: boolean;
  actions?: ReactNode;
};

export function Banner({ tone, title, children, urgent = false, actions }: BannerProps) {
  const titleId = useId();
  return (
    <div className={`banner banner--${tone}`} role={urgent ? 'alert' : 'region'} aria-labelledby={urgent ? undefined : titleId}>
      <p className="banner__title" id={titleId}>
        {title}
      </p>
      {children ? <div className="banner__body">{children}</div> : null}
      {actions ? <div className="banner__actions">{actions}</div> : null}
    </div>
  );
}
