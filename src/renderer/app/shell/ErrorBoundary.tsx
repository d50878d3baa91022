/** Keeps a rendering error inside the window: a message and a way out instead of a blank page. */
import { Component, type ReactNode } from 'react';

type Props = { title: string; reloadLabel: string; children: ReactNode };
type State = { failed: boolean };

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="error-panel">
        <h1>{this.props.title}</h1>
        <button type="button" onClick={() => location.reload()}>
          {this.props.reloadLabel}
        </button>
      </div>
    );
  }
}
