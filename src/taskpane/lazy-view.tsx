/**
 * A view whose code loads the first time it is shown (its own chunk), so the pane's first paint carries
 * only what it shows at once. Once loaded it renders straight away; until then nothing (its place stays
 * empty for the moment the chunk takes, and the view then appears there without being mounted twice). `preload()` starts the load early (e.g. Kiểm tra loads the
 * results view while the check runs). A chunk that fails to load says so where the view would be.
 */
import { Component, lazy, Suspense, useState, type ComponentType, type JSXElementConstructor, type ReactNode } from "react";
import { useStrings } from "./i18n";

class LoadFailed extends Component<{ children: ReactNode; message: (err: unknown) => ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    return this.state.error ? this.props.message(this.state.error) : this.props.children;
  }
}

function FailedLine({ error }: { error: unknown }) {
  const t = useStrings();
  return <p role="alert">{t.bootFailed(error instanceof Error ? error.message : String(error))}</p>;
}

export type LazyView<P extends object> = ComponentType<P> & { preload: () => Promise<unknown> };

export function lazyView<P extends object>(load: () => Promise<JSXElementConstructor<P>>): LazyView<P> {
  let loaded: JSXElementConstructor<P> | null = null;
  let pending: Promise<JSXElementConstructor<P>> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (view) => (loaded = view),
      (err) => {
        pending = null; // preload() may be asked again
        throw err;
      },
    ));
  const Deferred = lazy(() => preload().then((view) => ({ default: view as ComponentType<P> })));
  function View(props: P) {
    // Decided once per place: a view that mounted while its code was loading keeps that tree when the
    // code comes (switching would mount it anew, losing its state and focus, and rerunning its effects).
    const [Loaded] = useState(() => loaded);
    if (Loaded) return <Loaded {...props} />;
    return (
      <LoadFailed message={(error) => <FailedLine error={error} />}>
        <Suspense fallback={null}>
          <Deferred {...props} />
        </Suspense>
      </LoadFailed>
    );
  }
  return Object.assign(View, { preload });
}
