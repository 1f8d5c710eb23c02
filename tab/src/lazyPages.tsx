import { Spinner } from "@fluentui/react-components";
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { ErrorNotice } from "./ErrorNotice.js";

// Each page is its own chunk, fetched when it is first opened, so the tab starts with only what
// signing in needs.

/** A page loaded on demand; `preload` starts fetching it before it is shown. */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const fetchPage = () => (loading ??= load().then((page) => ({ default: page })));
  // A failed fetch is shown when the page is opened, not as an unhandled rejection.
  const preload = () => void fetchPage().catch(() => undefined);
  return Object.assign(lazy(fetchPage), { preload });
}

/** Where lazy pages appear: a spinner while one is fetched, and a way out if it cannot be. */
export function PageLoader({ children }: { children: ReactNode }) {
  return (
    <PageProblem>
      <Suspense fallback={<Spinner label="Opening the page…" />}>{children}</Suspense>
    </PageProblem>
  );
}

// A page that failed to load (the connection dropped, or a new version replaced its file).
class PageProblem extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <ErrorNotice>This page could not be opened. Check your connection, then reload the tab.</ErrorNotice>
    );
  }
}
